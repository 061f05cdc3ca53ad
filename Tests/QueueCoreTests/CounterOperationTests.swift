import Foundation
import QueueCore
import Testing

@Suite("Counter operations")
struct CounterOperationTests {
    /// An open day with HT tickets A001…A00n issued a minute apart from 08:00 and counter 1 open.
    private func day(tickets n: Int = 3, noShowAfterCalls: Int = 2) throws -> (QueueState, [Ticket]) {
        var state = Fixture.openDay(settings: Fixture.settings(noShowAfterCalls: noShowAfterCalls))
        var issued: [Ticket] = []
        for i in 0..<n { issued.append(try state.issue("HT", at: Fixture.at("08:00").addingTimeInterval(Double(i) * 60))) }
        try state.must(.open(counter: 1), at: Fixture.at("08:00"))
        return (state, issued)
    }

    @Test("open, pause and close emit their events; repeating a state changes nothing")
    func counterStates() throws {
        var state = Fixture.openDay()
        let t = Fixture.at("08:00")
        let opened = try state.must(.open(counter: 2), at: t)
        #expect(opened.types == [.counterOpened])
        #expect(opened.events.first?.data.counter == 2 && opened.events.first?.data.counterState == .open)
        #expect(state.counters[2]?.state == .open)
        #expect(try state.must(.open(counter: 2), at: t).isEmpty)

        let paused = try state.must(.pause(counter: 2), at: t)
        #expect(paused.types == [.counterPaused])
        #expect(state.counters[2]?.state == .paused)

        let closed = try state.must(.close(counter: 2), at: t)
        #expect(closed.types == [.counterClosed])
        #expect(state.counters[2]?.state == .closed)
        #expect(try state.must(.close(counter: 2), at: t).isEmpty)
        #expect(state.lastEventSeq == 4)
    }

    @Test("an unknown counter is refused for every operation", arguments: [
        QueueOperation.open(counter: 9), .pause(counter: 9), .close(counter: 9), .next(counter: 9), .recall(counter: 9),
        .start(counter: 9), .done(counter: 9, dossier: nil, rating: nil), .noShow(counter: 9),
        .transfer(counter: 9, to: .service("DD")),
    ])
    func unknownCounter(operation: QueueOperation) throws {
        var (state, _) = try day()
        state.expectRefusal("unknown_counter", operation, at: Fixture.at("08:30"))
    }

    @Test("next on a closed or paused counter is refused and calls nobody")
    func nextOnClosedOrPaused() throws {
        var (state, _) = try day()
        let t = Fixture.at("08:30")
        state.expectRefusal("counter_closed", .next(counter: 2), at: t)
        try state.must(.pause(counter: 1), at: t)
        state.expectRefusal("counter_paused", .next(counter: 1), at: t)
        try state.must(.open(counter: 1), at: t)
        #expect(try state.callNext(1, at: t)?.number == "A001")
    }

    @Test("next calls the oldest ticket and puts it at the counter")
    func next() throws {
        var (state, tickets) = try day()
        let t = Fixture.at("08:30")
        let seq = state.lastEventSeq
        let change = try state.must(.next(counter: 1), at: t)
        expectGapFree(change, after: seq)
        #expect(change.types == [.ticketCalled])
        let called = try #require(change.ticket)
        #expect(called.id == tickets[0].id && called.number == "A001")
        #expect(called.state == .called && called.counter == 1 && called.callCount == 1 && called.calledAt == t)
        #expect(state.counters[1]?.currentTicket == called.id)
        #expect(state.tickets[called.id] == called)
        #expect(change.events.first?.data.counter == 1)
        #expect(change.events.first?.data.ticket?.state == .called)
        #expect(state.waiting(service: 1).map(\.number) == ["A002", "A003"])
        #expect(state.recentCalls(limit: 5).map(\.id) == [called.id])
    }

    @Test("next with nobody waiting calls nobody and emits nothing")
    func nextNobody() throws {
        var state = Fixture.openDay()
        try state.must(.open(counter: 1), at: Fixture.at("08:00"))
        let seq = state.lastEventSeq
        let change = try state.must(.next(counter: 1), at: Fixture.at("08:00"))
        #expect(change.ticket == nil)
        #expect(change.events.isEmpty)
        #expect(state.lastEventSeq == seq)
        #expect(state.counters[1]?.currentTicket == nil)
    }

    @Test("next finishes the current ticket first")
    func nextFinishesCurrent() throws {
        var (state, tickets) = try day()
        _ = try state.callNext(1, at: Fixture.at("08:30"))
        try state.must(.start(counter: 1), at: Fixture.at("08:31"))
        let change = try state.must(.next(counter: 1), at: Fixture.at("08:40"))
        #expect(change.types == [.ticketDone, .ticketCalled])
        #expect(state.tickets[tickets[0].id]?.state == .done)
        #expect(state.tickets[tickets[0].id]?.finishedAt == Fixture.at("08:40"))
        #expect(change.ticket?.id == tickets[1].id)
        #expect(state.counters[1]?.currentTicket == tickets[1].id)
    }

    @Test("recall calls the same ticket again")
    func recall() throws {
        var (state, _) = try day()
        state.expectRefusal("no_current_ticket", .recall(counter: 1), at: Fixture.at("08:30"))
        let called = try #require(try state.callNext(1, at: Fixture.at("08:30")))
        let change = try state.must(.recall(counter: 1), at: Fixture.at("08:32"))
        #expect(change.types == [.ticketRecalled])
        #expect(change.ticket?.id == called.id)
        #expect(state.tickets[called.id]?.callCount == 2)
        #expect(state.tickets[called.id]?.state == .called)
        #expect(state.tickets[called.id]?.calledAt == Fixture.at("08:30"))
        try state.must(.recall(counter: 1), at: Fixture.at("08:33"))
        #expect(state.tickets[called.id]?.callCount == 3)
        try state.must(.start(counter: 1), at: Fixture.at("08:34"))
        state.expectRefusal("not_serving", .recall(counter: 1), at: Fixture.at("08:35"))
    }

    @Test("start begins serving the called ticket, once")
    func start() throws {
        var (state, _) = try day()
        state.expectRefusal("no_current_ticket", .start(counter: 1), at: Fixture.at("08:30"))
        let called = try #require(try state.callNext(1, at: Fixture.at("08:30")))
        let change = try state.must(.start(counter: 1), at: Fixture.at("08:31"))
        #expect(change.types == [.ticketServing])
        #expect(state.tickets[called.id]?.state == .serving)
        #expect(state.tickets[called.id]?.servedAt == Fixture.at("08:31"))
        state.expectRefusal("not_serving", .start(counter: 1), at: Fixture.at("08:32"))
    }

    @Test("done keeps the dossier code and the rating and frees the counter")
    func done() throws {
        var (state, _) = try day()
        let called = try #require(try state.callNext(1, at: Fixture.at("08:30")))
        try state.must(.start(counter: 1), at: Fixture.at("08:31"))
        let change = try state.must(.done(counter: 1, dossier: "000.00.19.H47-260105-0001", rating: 5), at: Fixture.at("08:45"))
        #expect(change.types == [.ticketDone])
        let ticket = try #require(state.tickets[called.id])
        #expect(ticket.state == .done && ticket.finishedAt == Fixture.at("08:45"))
        #expect(ticket.dossier == "000.00.19.H47-260105-0001" && ticket.rating == 5)
        #expect(change.events.first?.data.ticket?.dossier == "000.00.19.H47-260105-0001")
        #expect(change.events.first?.data.ticket?.rating == 5)
        #expect(state.counters[1]?.currentTicket == nil)
        state.expectRefusal("no_current_ticket", .done(counter: 1, dossier: nil, rating: nil), at: Fixture.at("08:46"))
    }

    @Test("done straight after a call (never started) is allowed, without dossier or rating")
    func doneWithoutStart() throws {
        var (state, _) = try day()
        let called = try #require(try state.callNext(1, at: Fixture.at("08:30")))
        try state.must(.done(counter: 1, dossier: nil, rating: nil), at: Fixture.at("08:33"))
        #expect(state.tickets[called.id]?.state == .done)
        #expect(state.tickets[called.id]?.dossier == nil && state.tickets[called.id]?.rating == nil)
    }

    @Test("done with a rating outside 1…5 is refused with bad_rating", arguments: [0, 6, -1, 10])
    func badRating(rating: Int) throws {
        var (state, _) = try day()
        _ = try state.callNext(1, at: Fixture.at("08:30"))
        try state.must(.start(counter: 1), at: Fixture.at("08:31"))
        state.expectRefusal("bad_rating", .done(counter: 1, dossier: "H57.132-260804-0583", rating: rating), at: Fixture.at("08:40"))
        try state.must(.done(counter: 1, dossier: nil, rating: 1), at: Fixture.at("08:41"))
    }

    @Test("done with a malformed dossier code is refused with bad_code", arguments: [
        "1.011442.000.00.00.H38", "H57.132-260231-0583", "h57.132-260804-0583", "", "H57132-260804-0583",
    ])
    func badDossier(code: String) throws {
        var (state, _) = try day()
        _ = try state.callNext(1, at: Fixture.at("08:30"))
        try state.must(.start(counter: 1), at: Fixture.at("08:31"))
        state.expectRefusal("bad_code", .done(counter: 1, dossier: code, rating: 4), at: Fixture.at("08:40"))
    }

    @Test("no-show is refused before noShowAfterCalls calls, then allowed", arguments: [1, 2, 3])
    func noShow(needed: Int) throws {
        var (state, _) = try day(noShowAfterCalls: needed)
        let called = try #require(try state.callNext(1, at: Fixture.at("08:30")))
        for call in 1..<needed {
            state.expectRefusal("too_few_calls", .noShow(counter: 1), at: Fixture.at("08:31"))
            #expect(state.tickets[called.id]?.callCount == call)
            try state.must(.recall(counter: 1), at: Fixture.at("08:32"))
        }
        let change = try state.must(.noShow(counter: 1), at: Fixture.at("08:33"))
        #expect(change.types == [.ticketNoShow])
        #expect(state.tickets[called.id]?.state == .noShow)
        #expect(state.tickets[called.id]?.finishedAt == Fixture.at("08:33"))
        #expect(state.counters[1]?.currentTicket == nil)
        #expect(try state.callNext(1, at: Fixture.at("08:34"))?.number == "A002")
    }

    @Test("a ticket being served cannot be marked a no-show")
    func noShowWhileServing() throws {
        var (state, _) = try day(noShowAfterCalls: 1)
        _ = try state.callNext(1, at: Fixture.at("08:30"))
        try state.must(.start(counter: 1), at: Fixture.at("08:31"))
        state.expectRefusal("not_serving", .noShow(counter: 1), at: Fixture.at("08:32"))
    }

    @Test("closing a counter with a current ticket is refused with counter_busy")
    func closeBusy() throws {
        var (state, _) = try day()
        _ = try state.callNext(1, at: Fixture.at("08:30"))
        state.expectRefusal("counter_busy", .close(counter: 1), at: Fixture.at("08:31"))
        try state.must(.start(counter: 1), at: Fixture.at("08:31"))
        state.expectRefusal("counter_busy", .close(counter: 1), at: Fixture.at("08:32"))
        try state.must(.done(counter: 1, dossier: nil, rating: nil), at: Fixture.at("08:40"))
        let change = try state.must(.close(counter: 1), at: Fixture.at("08:41"))
        #expect(change.types == [.counterClosed])
        #expect(state.counters[1]?.state == .closed)
    }

    @Test("a ticket is never current at two counters")
    func oneCounterPerTicket() throws {
        var (state, _) = try day(tickets: 2)
        try state.must(.open(counter: 2), at: Fixture.at("08:00"))
        try state.must(.open(counter: 3), at: Fixture.at("08:00"))
        let a = try state.callNext(1, at: Fixture.at("08:30"))
        let b = try state.callNext(2, at: Fixture.at("08:30"))
        let c = try state.callNext(3, at: Fixture.at("08:30"))
        #expect(a != nil && b != nil && c == nil)
        #expect(a?.id != b?.id)
        #expect(state.counters[3]?.currentTicket == nil)
    }
}
