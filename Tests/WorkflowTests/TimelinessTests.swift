import Foundation
import Testing
import Workflow

@Suite("On time, nearly late, late")
struct TimelinessTests {
    // The fixture dossier: received Monday 9 March 2026 09:00, 2 working days, due Wednesday 11 March 09:00.

    @Test("the fixture's appointment")
    func appointment() {
        #expect(Fixture.dossier().dueAt.map(Fixture.text) == "2026-03-11 09:00")
    }

    @Test("an unfinished dossier at chosen instants", arguments: [
        ("2026-03-09 09:30", Timeliness.onTime),
        ("2026-03-10 09:00", .onTime),        // exactly one working day left
        ("2026-03-10 09:15", .nearlyLate),    // 7 h 45 left
        ("2026-03-10 18:00", .nearlyLate),    // after hours: 1.5 h left
        ("2026-03-11 09:00", .nearlyLate),    // at the appointment: nothing left, not yet past
        ("2026-03-11 09:01", .late),
        ("2026-03-20 09:00", .late),
    ])
    func unfinished(now: String, expected: Timeliness) {
        #expect(Fixture.dossier().timeliness(calendar: Fixture.calendar, at: Fixture.at(now)) == expected)
    }

    @Test("a finished dossier is judged at the end of processing, whenever asked", arguments: [
        ("2026-03-11 09:00", Timeliness.onTime),
        ("2026-03-10 10:00", .onTime),
        ("2026-03-11 09:05", .late),
    ])
    func finished(at end: String, expected: Timeliness) throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 10:00"))
        try dossier.transition(to: .finished, at: Fixture.at(end))
        for later in ["2026-03-11 10:00", "2026-04-01 08:00"] {
            #expect(dossier.timeliness(calendar: Fixture.calendar, at: Fixture.at(later)) == expected)
        }
        // Returning the result later changes nothing: processing ended at 9.
        try dossier.transition(to: .returned, at: Fixture.at("2026-03-30 08:00"))
        #expect(dossier.timeliness(calendar: Fixture.calendar, at: Fixture.at("2026-04-01 08:00")) == expected)
        #expect(dossier.processingEndedAt.map(Fixture.text) == end)
    }

    @Test("stopping ends processing too")
    func stopped() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 10:00"))
        try dossier.transition(to: .withdrawalRequested, at: Fixture.at("2026-03-10 10:00"))
        try dossier.transition(to: .stopped, at: Fixture.at("2026-03-10 11:00"))
        #expect(dossier.timeliness(calendar: Fixture.calendar, at: Fixture.at("2026-03-30 08:00")) == .onTime)
    }

    @Test("time waiting for a supplement moves the appointment by the working time it took")
    func supplementMovesAppointment() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:30"))
        try dossier.requestSupplement(["Bản sao giấy khai sinh"], at: Fixture.at("2026-03-09 10:00"))
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-10 10:00"))   // 8 working hours later
        #expect(dossier.supplementPeriods == [SupplementPeriod(start: Fixture.at("2026-03-09 10:00"), end: Fixture.at("2026-03-10 10:00"))])
        let moved = dossier.movedDueAt(calendar: Fixture.calendar, at: Fixture.at("2026-03-12 08:00"))
        #expect(moved.map(Fixture.text) == "2026-03-12 09:00")
        #expect(dossier.dueAt.map(Fixture.text) == "2026-03-11 09:00")           // the recorded appointment stays
        // Past the original appointment but before the moved one: not late.
        #expect(dossier.timeliness(calendar: Fixture.calendar, at: Fixture.at("2026-03-11 10:00")) == .nearlyLate)
        try dossier.transition(to: .finished, at: Fixture.at("2026-03-12 08:30"))
        #expect(dossier.timeliness(calendar: Fixture.calendar, at: Fixture.at("2026-03-13 08:00")) == .onTime)
    }

    @Test("the same dossier without the supplement would be late")
    func withoutSupplementLate() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:30"))
        try dossier.transition(to: .finished, at: Fixture.at("2026-03-12 08:30"))
        #expect(dossier.timeliness(calendar: Fixture.calendar, at: Fixture.at("2026-03-13 08:00")) == .late)
    }

    @Test("while waiting for a supplement the clock is stopped: not late however long it takes")
    func openSupplement() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:30"))
        try dossier.requestSupplement(["Tờ khai có chữ ký"], at: Fixture.at("2026-03-09 10:00"))
        // Monday 10:00 → Friday 10:00 is 32 working hours: the appointment moves to Tuesday 17 March 09:00.
        let now = Fixture.at("2026-03-13 10:00")
        #expect(dossier.movedDueAt(calendar: Fixture.calendar, at: now).map(Fixture.text) == "2026-03-17 09:00")
        #expect(dossier.timeliness(calendar: Fixture.calendar, at: now) == .onTime)
        #expect(dossier.timeliness(calendar: Fixture.calendar, at: Fixture.at("2026-04-30 10:00")) == .onTime)
    }

    @Test("a supplement of a few minutes moves the appointment to the next quarter hour")
    func supplementRounding() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:30"))
        try dossier.requestSupplement(["Ảnh 4×6"], at: Fixture.at("2026-03-09 10:00"))
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 10:07"))
        #expect(dossier.movedDueAt(calendar: Fixture.calendar, at: Fixture.at("2026-03-10 08:00")).map(Fixture.text) == "2026-03-11 09:15")
    }

    @Test("supplement time outside the shifts does not count")
    func supplementOvernight() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:30"))
        try dossier.requestSupplement(["Bản chính"], at: Fixture.at("2026-03-09 17:00"))
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-10 08:00"))   // 30 min Monday + 30 min Tuesday
        #expect(dossier.movedDueAt(calendar: Fixture.calendar, at: Fixture.at("2026-03-10 09:00")).map(Fixture.text) == "2026-03-11 10:00")
    }

    @Test("a dossier with no appointment has no timeliness")
    func none() throws {
        let online = try Dossier.submitOnline(code: Fixture.code, procedure: "Đăng ký khai sinh", applicant: "Lê Thị Bình",
                                              processingDays: 1, at: Fixture.at("2026-03-09 09:00"))
        #expect(online.timeliness(calendar: Fixture.calendar, at: Fixture.at("2026-04-01 09:00")) == nil)
    }

    @Test("Vietnamese names")
    func names() {
        #expect(Timeliness.allCases.map(\.vietnamese) == ["Đúng hạn", "Sắp đến hạn", "Trễ hạn"])
        #expect(Timeliness.allCases.map(\.rawValue) == ["on_time", "nearly_late", "late"])
    }
}
