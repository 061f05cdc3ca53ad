import Foundation
import QueueCore
import Testing

@Suite("Transfers")
struct TransferTests {
    /// B001 07:50, A001 08:00, B002 08:01, A002 08:02, B003 08:03; every counter open; A001 called at counter 1.
    private func dayWithA001AtCounter1() throws -> (QueueState, [String: Ticket]) {
        var state = Fixture.openDay()
        var byNumber: [String: Ticket] = [:]
        for (service, time) in [("DD", "07:50"), ("HT", "08:00"), ("DD", "08:01"), ("HT", "08:02"), ("DD", "08:03")] {
            let ticket = try state.issue(service, at: Fixture.at(time))
            byNumber[ticket.number] = ticket
        }
        for n in [1, 2, 3, 4] { try state.must(.open(counter: n), at: Fixture.at("08:05")) }
        #expect(try state.callNext(1, at: Fixture.at("08:06"))?.number == "A001")
        return (state, byNumber)
    }

    @Test("a ticket sent to another service keeps its number and its place by issue time")
    func toServiceKeepsPlace() throws {
        var (state, tickets) = try dayWithA001AtCounter1()
        let a001 = try #require(tickets["A001"])
        try state.must(.start(counter: 1), at: Fixture.at("08:07"))
        let seq = state.lastEventSeq
        let change = try state.must(.transfer(counter: 1, to: .service("DD")), at: Fixture.at("08:10"))
        expectGapFree(change, after: seq)
        #expect(change.types == [.ticketTransferred])
        let event = try #require(change.events.first)
        #expect(event.data.fromService == "HT" && event.data.fromCounter == 1)
        #expect(event.data.ticket?.service == "DD" && event.data.ticket?.number == "A001")

        let moved = try #require(state.tickets[a001.id])
        #expect(moved.state == .transferred)
        #expect(moved.number == "A001" && moved.sequence == 1 && moved.issuedService == 1 && moved.issuedAt == a001.issuedAt)
        #expect(moved.service == 2 && moved.targetCounter == nil && moved.transfers == 1)
        #expect(moved.counter == nil && moved.callCount == 0 && moved.calledAt == nil && moved.servedAt == nil)
        #expect(state.counters[1]?.currentTicket == nil)
        #expect(state.waiting(service: 2).map(\.number) == ["B001", "A001", "B002", "B003"])
        #expect(state.waiting(service: 1).map(\.number) == ["A002"])
        // Numbering of either service is untouched.
        #expect(state.issuedCount(service: 1) == 2 && state.issuedCount(service: 2) == 3)

        var calls: [String] = []
        while let ticket = try state.callNext(4, at: Fixture.at("08:15")) { calls.append(ticket.number) }
        #expect(calls == ["B001", "A001", "B002", "B003"])
        #expect(state.tickets[a001.id]?.counter == 4 && state.tickets[a001.id]?.state == .done)
    }

    @Test("a ticket sent to a counter is called there only")
    func toCounterOnlyThere() throws {
        var (state, tickets) = try dayWithA001AtCounter1()
        let a001 = try #require(tickets["A001"])
        let change = try state.must(.transfer(counter: 1, to: .counter(3)), at: Fixture.at("08:10"))
        #expect(change.events.first?.data.fromCounter == 1)
        let moved = try #require(state.tickets[a001.id])
        #expect(moved.state == .transferred && moved.targetCounter == 3 && moved.service == 1 && moved.number == "A001")
        #expect(state.waiting(targetedTo: 3).map(\.id) == [a001.id])
        #expect(!state.waiting(service: 1).contains { $0.id == a001.id })

        // Counters 1 and 2 serve HT but do not get it, though it is the oldest HT ticket.
        #expect(try state.callNext(1, at: Fixture.at("08:11"))?.number == "A002")
        var calls: [String] = []
        while let ticket = try state.callNext(2, at: Fixture.at("08:12")) { calls.append(ticket.number) }
        #expect(calls == ["B001", "B002", "B003"])

        let called = try #require(try state.callNext(3, at: Fixture.at("08:13")))
        #expect(called.id == a001.id && called.counter == 3 && called.targetCounter == nil && called.callCount == 1)
        #expect(state.waiting(targetedTo: 3).isEmpty)
    }

    @Test("a counter that does not serve the ticket's service still calls a ticket sent to it")
    func toCounterOfOtherService() throws {
        var (state, tickets) = try dayWithA001AtCounter1()
        try state.must(.transfer(counter: 1, to: .counter(4)), at: Fixture.at("08:10"))
        // Counter 4 serves DD only; A001 was issued before B002 and B003 but after B001.
        var calls: [String] = []
        while let ticket = try state.callNext(4, at: Fixture.at("08:15")) { calls.append(ticket.number) }
        #expect(calls == ["B001", "A001", "B002", "B003"])
        #expect(state.tickets[try #require(tickets["A001"]).id]?.service == 1)
    }

    @Test("a transferred ticket can be transferred again; its priority goes with it")
    func transferTwiceKeepsPriority() throws {
        var state = Fixture.openDay()
        let p = try state.issue("HT", priority: "disabled", at: Fixture.at("08:00"))
        for n in [1, 4] { try state.must(.open(counter: n), at: Fixture.at("08:00")) }
        _ = try state.callNext(1, at: Fixture.at("08:01"))
        try state.must(.transfer(counter: 1, to: .service("DD")), at: Fixture.at("08:02"))
        #expect(try state.callNext(4, at: Fixture.at("08:04"))?.id == p.id)
        try state.must(.transfer(counter: 4, to: .service("HT")), at: Fixture.at("08:05"))
        let again = try #require(state.tickets[p.id])
        #expect(again.transfers == 2 && again.service == 1 && again.priority == "disabled" && again.number == "A001")
    }

    @Test("refused transfers change nothing")
    func refusedTransfers() throws {
        var (state, _) = try dayWithA001AtCounter1()
        let t = Fixture.at("08:10")
        state.expectRefusal("bad_transfer", .transfer(counter: 1, to: .service("HT")), at: t)
        state.expectRefusal("bad_transfer", .transfer(counter: 1, to: .service("1")), at: t)
        state.expectRefusal("bad_transfer", .transfer(counter: 1, to: .counter(1)), at: t)
        state.expectRefusal("unknown_service", .transfer(counter: 1, to: .service("NOPE")), at: t)
        state.expectRefusal("unknown_counter", .transfer(counter: 1, to: .counter(42)), at: t)
        state.expectRefusal("no_current_ticket", .transfer(counter: 2, to: .service("DD")), at: t)
    }
}
