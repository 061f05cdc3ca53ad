import Foundation
import Testing
import Workflow

@Suite("Dossiers: reception, transitions, stages, history")
struct DossierTests {
    @Test("receive: status 2, appointment computed, first step of the route, one history line")
    func receive() {
        let dossier = Fixture.dossier(route: .upward)
        #expect(dossier.status == .accepted)
        #expect(dossier.receivedAt == Fixture.at("2026-03-09 09:00"))
        #expect(dossier.dueAt.map(Fixture.text) == "2026-03-11 09:00")
        #expect(dossier.stage == Stage(route: .upward) && dossier.stage.role == .reception && dossier.stage.level == .lower)
        #expect(dossier.history == [StatusChange(at: Fixture.at("2026-03-09 09:00"), from: nil, to: .accepted, note: nil)])
        #expect(dossier.returnedAt == nil && dossier.feeDue == nil && dossier.supplementRequests.isEmpty)
    }

    @Test("receive refuses what it cannot keep", arguments: [
        ("bad-code", "Thủ tục", "Nguyễn Văn An", 2, "bad_code"),
        (Fixture.code, "  ", "Nguyễn Văn An", 2, "missing_procedure"),
        (Fixture.code, "Thủ tục", " \n ", 2, "missing_applicant"),
        (Fixture.code, "Thủ tục", "Nguyễn Văn An", -1, "bad_processing_days"),
        (Fixture.code, "Thủ tục", "Nguyễn Văn An", 3651, "bad_processing_days"),
    ])
    func receiveRefused(code: String, procedure: String, applicant: String, days: Int, expected: String) {
        let error = #expect(throws: DossierError.self) {
            try Dossier.receive(code: code, procedure: procedure, applicant: applicant, processingDays: days,
                                at: Fixture.at("2026-03-09 09:00"), calendar: Fixture.calendar)
        }
        #expect(error?.code == expected)
        #expect(error?.message.isEmpty == false)
    }

    @Test("names are stored in NFC")
    func nfc() throws {
        let nfd = "Nguyễn Văn Ánh".decomposedStringWithCanonicalMapping
        let dossier = try Dossier.receive(code: Fixture.code, procedure: "Cấp bản sao trích lục", applicant: nfd, processingDays: 1,
                                          at: Fixture.at("2026-03-09 09:00"), calendar: Fixture.calendar)
        #expect(Array(dossier.applicant.unicodeScalars) == Array("Nguyễn Văn Ánh".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test("an illegal move is refused with its code and leaves the dossier untouched", arguments: [
        DossierStatus.submitted, .accepted, .refused, .supplementRequested, .feesDue, .withdrawalRequested,
        .stopped, .finished, .returned,
    ])
    func illegalFromAccepted(target: DossierStatus) {
        let before = Fixture.dossier()
        var dossier = before
        let error = #expect(throws: DossierError.self) { try dossier.transition(to: target, at: Fixture.at("2026-03-09 10:00")) }
        #expect(error?.code == "illegal_transition")
        #expect(dossier == before)
    }

    @Test("every transition is recorded with its time and note; returned_at is set on 10")
    func history() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:30"), note: "  Chuyển thụ lý ")
        try dossier.transition(to: .finished, at: Fixture.at("2026-03-10 15:00"))
        try dossier.transition(to: .returned, at: Fixture.at("2026-03-11 08:00"), note: "Đã trả tận tay")
        #expect(dossier.history.map(\.to) == [.accepted, .processing, .finished, .returned])
        #expect(dossier.history.map(\.from) == [nil, .accepted, .processing, .finished])
        #expect(dossier.history[1].note == "Chuyển thụ lý")
        #expect(dossier.history.last?.at == Fixture.at("2026-03-11 08:00"))
        #expect(dossier.returnedAt == Fixture.at("2026-03-11 08:00"))
        #expect(dossier.updatedAt == Fixture.at("2026-03-11 08:00"))
        #expect(dossier.status.isFinal)
    }

    @Test("a change dated before the last one is refused")
    func outOfOrder() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 11:00"))
        let error = #expect(throws: DossierError.self) { try dossier.transition(to: .finished, at: Fixture.at("2026-03-09 10:00")) }
        #expect(error?.code == "out_of_order")
        #expect(error?.message.contains("2026-03-09 11:00") == true)
        #expect(dossier.status == .processing)
    }

    @Test("supplement requests and fees are kept while outstanding, and cleared when processing resumes")
    func supplementAndFees() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:30"))
        #expect(throws: DossierError.emptySupplement) { try dossier.requestSupplement(["  "], at: Fixture.at("2026-03-09 10:00")) }
        try dossier.requestSupplement(["Bản sao CCCD", " Giấy ủy quyền "], at: Fixture.at("2026-03-09 10:00"), note: "Thiếu giấy tờ")
        #expect(dossier.status == .supplementRequested)
        #expect(dossier.supplementRequests == ["Bản sao CCCD", "Giấy ủy quyền"])
        #expect(dossier.publicView(at: Fixture.at("2026-03-09 10:00")).supplement == ["Bản sao CCCD", "Giấy ủy quyền"])
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 14:00"))
        #expect(dossier.supplementRequests.isEmpty)
        #expect(throws: DossierError.badFee(-5)) { try dossier.requestFees(-5, at: Fixture.at("2026-03-09 15:00")) }
        try dossier.requestFees(50_000, at: Fixture.at("2026-03-09 15:00"))
        #expect(dossier.status == .feesDue && dossier.feeDue == 50_000)
        #expect(dossier.publicView(at: Fixture.at("2026-03-09 15:00")).feeDue == 50_000)
        try dossier.transition(to: .finished, at: Fixture.at("2026-03-10 08:00"))
        #expect(dossier.feeDue == nil)
        #expect(dossier.stage.isLast)
    }

    @Test("advancing along the upward route sets the statuses the seed implies and shows the wait on the other level")
    func upwardWalk() throws {
        var dossier = Fixture.dossier(route: .upward)
        var seen: [(Int, DossierStatus, Bool)] = [(dossier.stage.position, dossier.status, dossier.stage.waitingOnOtherLevel)]
        var minute = 0
        while !dossier.stage.isCompleted {
            minute += 10
            try dossier.advance(at: Fixture.at("2026-03-09 09:00").addingTimeInterval(TimeInterval(minute * 60)))
            seen.append((dossier.stage.position, dossier.status, dossier.stage.waitingOnOtherLevel))
        }
        #expect(seen.map(\.0) == Array(0...10))
        #expect(seen.map(\.1) == [.accepted] + Array(repeating: .processing, count: 8) + [.finished, .returned])
        #expect(seen.map(\.2) == [false, false, false, false, true, true, true, true, false, false, false])
        #expect(dossier.history.map(\.to) == [.accepted, .processing, .finished, .returned])
        #expect(dossier.stageHistory.count == 10)
        #expect(dossier.returnedAt != nil)
        #expect(throws: DossierError.routeCompleted) { try dossier.advance(at: Fixture.at("2026-03-10 09:00")) }
    }

    @Test("the stage does not move while a supplement, fees or a withdrawal is pending", arguments: [
        DossierStatus.supplementRequested, .feesDue, .withdrawalRequested,
    ])
    func cannotAdvance(pending: DossierStatus) throws {
        var dossier = Fixture.dossier(route: .downward)
        try dossier.advance(at: Fixture.at("2026-03-09 09:10"))
        if pending == .supplementRequested {
            try dossier.requestSupplement(["Tờ khai"], at: Fixture.at("2026-03-09 09:20"))
        } else {
            try dossier.transition(to: pending, at: Fixture.at("2026-03-09 09:20"))
        }
        let before = dossier
        #expect(throws: DossierError.cannotAdvance(pending)) { try dossier.advance(at: Fixture.at("2026-03-09 09:30")) }
        #expect(dossier == before)
    }

    @Test("status changes keep the stage in step: 2→4 leaves reception, 6→9 reaches the last step, 10 completes")
    func statusDrivesStage() throws {
        var dossier = Fixture.dossier(route: .downward)
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:10"))
        #expect(dossier.stage.position == 1 && dossier.stage.role == .processing)
        try dossier.advance(at: Fixture.at("2026-03-09 09:20"))
        #expect(dossier.stage.waitingOnOtherLevel && dossier.status == .processing)
        try dossier.requestFees(120_000, at: Fixture.at("2026-03-09 09:30"))
        try dossier.transition(to: .finished, at: Fixture.at("2026-03-09 09:40"))
        #expect(dossier.stage.isLast && dossier.stage.role == .resultReturn && dossier.stage.level == .upper)
        try dossier.transition(to: .returned, at: Fixture.at("2026-03-09 09:50"))
        #expect(dossier.stage.isCompleted)
    }

    @Test("the optional step of the upward route can be skipped")
    func skipOptional() throws {
        var dossier = Fixture.dossier(route: .upward)
        for i in 1...7 { try dossier.advance(at: Fixture.at("2026-03-09 09:00").addingTimeInterval(TimeInterval(i * 60))) }
        try dossier.advance(at: Fixture.at("2026-03-09 10:00"), skippingOptional: true)
        #expect(dossier.stage.position == 9 && dossier.status == .finished)
    }

    @Test("random walks keep status and stage consistent")
    func invariant() throws {
        var random = TestRandom(state: 20_260_309)
        for walk in 0..<300 {
            let route = InterLevelRoute.allCases[walk % 3]
            var dossier = Fixture.dossier(route: route)
            var now = Fixture.at("2026-03-09 09:00")
            for _ in 0..<40 where !dossier.status.isFinal {
                now.addTimeInterval(600)
                if Bool.random(using: &random) {
                    try? dossier.advance(at: now, skippingOptional: Bool.random(using: &random))
                } else {
                    let target = DossierStatus.allCases.randomElement(using: &random)!
                    let legal = dossier.status.canMove(to: target)
                    let before = dossier
                    if target == .supplementRequested {
                        do { try dossier.requestSupplement(["Giấy tờ"], at: now) } catch { #expect(!legal) }
                    } else {
                        do { try dossier.transition(to: target, at: now) } catch { #expect(!legal && dossier == before) }
                    }
                }
                if [.accepted, .processing, .finished, .returned].contains(dossier.status) {
                    #expect(dossier.status == dossier.stage.impliedStatus, "walk \(walk): \(dossier.status) at \(dossier.stage.position)")
                }
                #expect(dossier.stage.isCompleted == (dossier.status == .returned))
                #expect((dossier.returnedAt != nil) == (dossier.status == .returned))
                #expect(dossier.supplementPeriods.filter { $0.end == nil }.count == (dossier.status == .supplementRequested ? 1 : 0))
            }
        }
    }

    @Test("a dossier submitted online gets its appointment when accepted, which needs the calendar")
    func online() throws {
        var dossier = try Dossier.submitOnline(code: Fixture.code, procedure: "Đăng ký khai sinh", applicant: "Lê Thị Bình",
                                               processingDays: 1, at: Fixture.at("2026-03-08 21:00"))
        #expect(dossier.status == .submitted && dossier.dueAt == nil && dossier.receivedAt == nil)
        #expect(throws: DossierError.cannotAdvance(.submitted)) { try dossier.advance(at: Fixture.at("2026-03-09 08:00")) }
        #expect(throws: DossierError.calendarNeeded) { try dossier.transition(to: .accepted, at: Fixture.at("2026-03-09 08:00")) }
        try dossier.transition(to: .accepted, at: Fixture.at("2026-03-09 08:00"), calendar: Fixture.calendar)
        #expect(dossier.receivedAt == Fixture.at("2026-03-09 08:00"))
        #expect(dossier.dueAt.map(Fixture.text) == "2026-03-10 08:00")
        #expect(dossier.publicView(at: Fixture.at("2026-03-09 09:00")).receivedAt == Fixture.at("2026-03-09 08:00"))
    }

    @Test("an online dossier sent back for a supplement before acceptance: the clock starts when processing starts")
    func onlineSupplementFirst() throws {
        var dossier = try Dossier.submitOnline(code: Fixture.code, procedure: "Đăng ký khai sinh", applicant: "Lê Thị Bình",
                                               processingDays: 1, at: Fixture.at("2026-03-06 09:00"))
        try dossier.requestSupplement(["Giấy chứng sinh"], at: Fixture.at("2026-03-06 10:00"))
        #expect(dossier.supplementPeriods.isEmpty)
        #expect(dossier.publicView(at: Fixture.at("2026-03-06 11:00")).receivedAt == Fixture.at("2026-03-06 09:00"))
        #expect(throws: DossierError.calendarNeeded) { try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:00")) }
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:00"), calendar: Fixture.calendar)
        #expect(dossier.dueAt.map(Fixture.text) == "2026-03-10 09:00")
        #expect(dossier.supplementPeriods.isEmpty)
    }

    @Test("a dossier codes to JSON and back unchanged, with snake_case keys")
    func coding() throws {
        var dossier = Fixture.dossier(route: .upward)
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:30"))
        try dossier.requestSupplement(["Bản sao sổ đỏ"], at: Fixture.at("2026-03-09 10:00"))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(dossier)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Dossier.self, from: data) == dossier)
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
        #expect(Set(keys).isSuperset(of: ["code", "received_at", "due_at", "processing_days", "supplement_requests", "status", "stage", "history"]))
    }
}
