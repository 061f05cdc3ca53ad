import Foundation
import QueueCore
import Testing

@Suite("The office day")
struct DayTests {
    @Test("the day opens at its hour with one day.opened event")
    func opens() throws {
        var state = Fixture.newDay()
        #expect(state.advance(to: Fixture.at("06:30")).isEmpty)
        #expect(state.advance(to: Fixture.at("06:59:59")).isEmpty)
        #expect(state.status == DayStatus(day: Fixture.monday, phase: .notOpened))

        let change = state.advance(to: Fixture.at("07:00"))
        #expect(state.status == DayStatus(day: Fixture.monday, phase: .open))
        #expect(change.day == state.status)
        #expect(change.types == [.dayOpened])
        expectGapFree(change, after: 0)
        #expect(change.events.first?.data.day == "2026-11-30")
        #expect(change.events.first?.at == Fixture.at("07:00"))
        #expect(state.lastEventSeq == 1)

        // Nothing more happens during the day.
        #expect(state.advance(to: Fixture.at("12:00")).isEmpty)
        #expect(try state.must(.tick, at: Fixture.at("17:29:59")).isEmpty)
        #expect(state.status.phase == .open)
    }

    @Test("a tick operation opens the day like advance")
    func tickOpens() throws {
        var state = Fixture.newDay()
        let change = try state.must(.tick, at: Fixture.at("07:10"))
        #expect(change.types == [.dayOpened])
        #expect(state.status.phase == .open)
    }

    @Test("the day closes at its hour: waiting tickets expire, the day.closed event carries the summary")
    func closes() throws {
        var state = Fixture.openDay()
        let t = Fixture.at("08:00")
        let served = try state.issue("HT", at: t)
        let noShow = try state.issue("HT", at: t.addingTimeInterval(1))
        let called = try state.issue("HT", at: t.addingTimeInterval(2))
        let serving = try state.issue("DD", at: t.addingTimeInterval(3))
        let waiting = try state.issue("HT", priority: "elderly", at: t.addingTimeInterval(4))
        let targeted = try state.issue("XD", at: t.addingTimeInterval(5))
        let waitingB = try state.issue("DD", at: t.addingTimeInterval(6))

        for n in [1, 2, 3, 4] { try state.must(.open(counter: n), at: t) }
        let t2 = Fixture.at("08:10")  // nobody overdue yet (45 minutes)
        #expect(try state.callNext(1, at: t2)?.id == served.id)
        try state.must(.done(counter: 1, dossier: nil, rating: 5), at: t2)
        try state.must(.pause(counter: 1), at: t2)
        // Counter 2 calls regulars first (default policy: one priority after two regulars).
        state = try withNoShow(state, counter: 2, expecting: noShow, at: t2)
        #expect(try state.callNext(2, at: t2)?.id == called.id)
        #expect(try state.callNext(4, at: t2)?.id == serving.id)
        try state.must(.start(counter: 4), at: t2)
        #expect(try state.callNext(3, at: t2)?.id == targeted.id)
        try state.must(.transfer(counter: 3, to: .counter(1)), at: t2)

        let seq = state.lastEventSeq
        #expect(state.advance(to: Fixture.at("17:29")).isEmpty)
        let close = Fixture.at("17:30")
        let change = state.advance(to: close)
        expectGapFree(change, after: seq)
        #expect(state.status == DayStatus(day: Fixture.monday, phase: .closed))
        #expect(change.day == state.status)
        #expect(change.types.last == .dayClosed)
        #expect(change.events.allSatisfy { $0.at == close })

        // The waiting, transferred and called tickets expired, each with its event; the one being served is done.
        let expired = Set(change.events.filter { $0.type == .ticketExpired }.compactMap { $0.data.ticket?.id })
        #expect(expired == [waiting.id, targeted.id, called.id, waitingB.id])
        for id in expired {
            #expect(state.tickets[id]?.state == .expired)
            #expect(state.tickets[id]?.finishedAt == close)
        }
        #expect(state.tickets[serving.id]?.state == .done)
        #expect(change.events.contains { $0.type == .ticketDone && $0.data.ticket?.id == serving.id })
        // Every counter that was open or paused is closed, with its event.
        #expect(Set(change.events.filter { $0.type == .counterClosed }.compactMap(\.data.counter)) == [1, 2, 3, 4])
        #expect(state.counters.values.allSatisfy { $0.state == .closed && $0.currentTicket == nil })
        for id in [1, 2, 3] { #expect(state.waiting(service: id).isEmpty) }
        #expect(state.waiting(targetedTo: 1).isEmpty)

        let summary = try #require(change.events.last?.data.summary)
        #expect(summary == DaySummary(issued: 7, served: 2, noShow: 1, expired: 4))
        #expect(change.events.last?.data.day == "2026-11-30")
        #expect(state.summary == summary)

        // Closed means closed.
        state.expectRefusal("outside_hours", .issue(service: "HT", priority: nil, kiosk: nil), at: Fixture.at("17:45"))
        #expect(state.advance(to: Fixture.at("23:59")).isEmpty)
    }

    /// Calls `ticket` at `counter`, recalls it and marks it a no-show.
    private func withNoShow(_ state: QueueState, counter: Int, expecting ticket: Ticket, at now: Date) throws -> QueueState {
        var state = state
        #expect(try state.callNext(counter, at: now)?.id == ticket.id)
        try state.must(.recall(counter: counter), at: now)
        try state.must(.noShow(counter: counter), at: now)
        return state
    }

    @Test("numbers restart on the next calendar day and event seqs go on")
    func nextDayRestarts() throws {
        var state = Fixture.openDay()
        for _ in 0..<3 { _ = try state.issue("HT", at: Fixture.at("08:00")) }
        _ = try state.issue("XD", at: Fixture.at("08:00"))
        _ = state.advance(to: Fixture.at("17:30"))
        let seq = state.lastEventSeq

        let before = state.advance(to: Fixture.at("06:00", on: Fixture.tuesday))
        #expect(state.status == DayStatus(day: Fixture.tuesday, phase: .notOpened))
        #expect(before.day == state.status)
        #expect(before.events.isEmpty)
        #expect(state.tickets.isEmpty)
        #expect(state.issuedCount(service: 1) == 0)

        let opened = state.advance(to: Fixture.at("07:00", on: Fixture.tuesday))
        #expect(opened.types == [.dayOpened])
        expectGapFree(opened, after: seq)
        #expect(opened.events.first?.data.day == "2026-12-01")

        let a = try state.issue("HT", at: Fixture.at("07:05", on: Fixture.tuesday))
        let x = try state.issue("XD", at: Fixture.at("07:05", on: Fixture.tuesday))
        #expect(a.number == "A001" && a.sequence == 1 && a.day == Fixture.tuesday)
        #expect(x.number == "1001")
        #expect(state.lastEventSeq == seq + 3)
    }

    @Test("a day left open is closed at its own closing hour when the clock jumps to the next day")
    func rolloverClosesYesterday() throws {
        var state = Fixture.openDay()
        let old = try state.issue("HT", at: Fixture.at("16:00"))
        try state.must(.open(counter: 1), at: Fixture.at("16:00"))
        let seq = state.lastEventSeq

        let change = state.advance(to: Fixture.at("08:00", on: Fixture.tuesday))
        expectGapFree(change, after: seq)
        #expect(Set(change.types.prefix(2)) == [.ticketExpired, .counterClosed])
        #expect(Array(change.types.dropFirst(2)) == [.dayClosed, .dayOpened])
        let yesterdayClose = Fixture.at("17:30")
        #expect(change.events.filter { $0.type != .dayOpened }.allSatisfy { $0.at == yesterdayClose })
        #expect(change.events.first { $0.type == .ticketExpired }?.data.ticket?.id == old.id)
        #expect(change.events.first { $0.type == .dayClosed }?.data.day == "2026-11-30")
        #expect(change.events.first { $0.type == .dayClosed }?.data.summary == DaySummary(issued: 1, served: 0, noShow: 0, expired: 1))
        #expect(change.events.last?.data.day == "2026-12-01")
        #expect(state.status == DayStatus(day: Fixture.tuesday, phase: .open))
        #expect(state.tickets.isEmpty)
        #expect(state.counters[1]?.state == .closed)
        #expect(try state.issue("HT", at: Fixture.at("08:00", on: Fixture.tuesday)).number == "A001")
    }

    @Test("a day open around the clock (00:00-24:00) closes at midnight and the next one opens")
    func aroundTheClock() throws {
        var settings = Fixture.settings()
        settings.workingHours = TimeWindow(start: TimeOfDay("00:00")!, end: TimeOfDay("24:00")!)!
        var state = Fixture.newDay(settings: settings)
        #expect(state.advance(to: Fixture.at("00:00")).types == [.dayOpened])
        let late = try state.issue("HT", at: Fixture.at("23:59"))
        #expect(state.advance(to: Fixture.at("23:59:59")).isEmpty)
        let change = state.advance(to: Fixture.at("00:00:30", on: Fixture.tuesday))
        #expect(change.types == [.ticketExpired, .dayClosed, .dayOpened])
        #expect(change.events.first?.data.ticket?.id == late.id)
        #expect(change.events.first?.at == Fixture.at("00:00", on: Fixture.tuesday))
        #expect(state.status == DayStatus(day: Fixture.tuesday, phase: .open))
        #expect(try state.issue("HT", at: Fixture.at("00:01", on: Fixture.tuesday)).number == "A001")
    }

    @Test("a new day first seen after its closing hour is closed, and refuses tickets")
    func newDayAfterHours() {
        var state = Fixture.openDay()
        _ = state.advance(to: Fixture.at("18:00", on: Fixture.tuesday))
        #expect(state.status == DayStatus(day: Fixture.tuesday, phase: .closed))
        state.expectRefusal("outside_hours", .issue(service: "HT", priority: nil, kiosk: nil), at: Fixture.at("18:00", on: Fixture.tuesday))
    }

    @Test("a clock that goes back to an earlier day changes nothing")
    func clockBackwards() {
        var state = Fixture.openDay()
        _ = state.advance(to: Fixture.at("08:00", on: Fixture.tuesday))
        let before = StateSnapshot(state)
        #expect(state.advance(to: Fixture.at("09:00")).isEmpty)
        #expect(StateSnapshot(state) == before)
    }

    @Test("a state restored from a half-finished day continues with no gap and no duplicate")
    func restoreHalfFinishedDay() throws {
        var state = Fixture.openDay()
        var t = Fixture.at("07:40")
        for n in [1, 2, 3, 4] { try state.must(.open(counter: n), at: t) }
        func tick() { t = t.addingTimeInterval(90) }
        for i in 0..<5 { _ = try state.issue("HT", priority: i == 3 ? "disabled" : nil, at: t); tick() }
        for _ in 0..<3 { _ = try state.issue("DD", at: t); tick() }
        _ = try state.issue("XD", at: t); tick()
        _ = try state.callNext(1, at: t); tick()
        try state.must(.start(counter: 1), at: t); tick()
        try state.must(.done(counter: 1, dossier: "H57.132-260804-0583", rating: 4), at: t); tick()
        _ = try state.callNext(2, at: t); tick()
        try state.must(.transfer(counter: 2, to: .service("DD")), at: t); tick()
        _ = try state.callNext(3, at: t); tick()
        try state.must(.transfer(counter: 3, to: .counter(4)), at: t); tick()
        _ = try state.callNext(1, at: t); tick()

        let restored = QueueState(
            settings: state.settings, status: state.status, services: Array(state.services.values),
            counters: Array(state.counters.values), tickets: state.tickets.values.sorted { $0.number > $1.number }, lastEventSeq: state.lastEventSeq
        )
        #expect(StateSnapshot(restored) == StateSnapshot(state))

        // Both go on the same way: same numbers, same calls, gap-free seqs after the stored one.
        var original = state
        var copy = restored
        let ops: [QueueOperation] = [
            .issue(service: "HT", priority: nil, kiosk: nil), .issue(service: "DD", priority: "elderly", kiosk: nil),
            .issue(service: "XD", priority: nil, kiosk: nil), .next(counter: 2), .next(counter: 4), .next(counter: 4),
            .next(counter: 1), .next(counter: 3), .next(counter: 2),
        ]
        var numbers: [String] = []
        for op in ops {
            tick()
            let seq = copy.lastEventSeq
            let a = try original.must(op, at: t)
            let b = try copy.must(op, at: t)
            expectGapFree(b, after: seq)
            #expect(a.ticket?.number == b.ticket?.number, "\(op)")
            #expect(a.ticket?.sequence == b.ticket?.sequence, "\(op)")
            #expect(a.types == b.types, "\(op)")
            if case .issue = op, let number = b.ticket?.number { numbers.append(number) }
        }
        #expect(numbers == ["A006", "B004", "1002"])
        // Every service's sequences are still 1…n, and no number was handed out twice.
        for service in copy.services.keys {
            let sequences = copy.tickets.values.filter { $0.issuedService == service }.map(\.sequence).sorted()
            #expect(sequences == (0..<sequences.count).map { $0 + 1 })
        }
        #expect(Set(copy.tickets.values.map(\.number)).count == copy.tickets.count)
    }

    @Test("a restored state keeps the measured service times for the estimate")
    func restoreKeepsServiceTimes() throws {
        var state = Fixture.openDay()
        try state.must(.open(counter: 1), at: Fixture.at("08:00"))
        for _ in 0..<3 { _ = try state.issue("HT", at: Fixture.at("08:00")) }
        _ = try state.callNext(1, at: Fixture.at("08:00"))
        try state.must(.start(counter: 1), at: Fixture.at("08:01"))
        _ = try state.callNext(1, at: Fixture.at("08:11"))  // ends the first after 10 minutes
        let restored = QueueState(
            settings: state.settings, status: state.status, services: Array(state.services.values),
            counters: Array(state.counters.values), tickets: Array(state.tickets.values), lastEventSeq: state.lastEventSeq
        )
        #expect(state.estimatedWait(service: 1, ahead: 1) == 600)
        #expect(restored.estimatedWait(service: 1, ahead: 1) == 600)
    }
}
