import Foundation
import QueueCore
import Testing

/// Examples of the calling policy, worked by hand; the property tests check the same rules at random.
@Suite("Calling order")
struct CallingOrderTests {
    /// An open day with counter 1 (HT) and 3 (XD, then HT) open; `tickets` are (priority?, "HH:MM") of HT.
    private func day(_ policy: CallingPolicy, _ tickets: [(String?, String)]) throws -> QueueState {
        var state = Fixture.openDay(settings: Fixture.settings(policy: policy))
        for (priority, time) in tickets { _ = try state.issue("HT", priority: priority, at: Fixture.at(time)) }
        try state.must(.open(counter: 1), at: Fixture.at("07:00"))
        try state.must(.open(counter: 3), at: Fixture.at("07:00"))
        return state
    }

    /// Calls at `counter` until nobody waits, finishing each ticket; the numbers in call order.
    private func callAll(_ state: inout QueueState, counter: Int = 1, at time: String) throws -> [String] {
        var numbers: [String] = []
        while let ticket = try state.callNext(counter, at: Fixture.at(time)) { numbers.append(ticket.number) }
        return numbers
    }

    @Test("strict: every priority ticket before any regular one")
    func strict() throws {
        var state = try day(CallingPolicy(priorityRule: .strict, maxWait: nil),
                            [(nil, "08:00"), (nil, "08:01"), ("elderly", "08:02"), ("pregnant", "08:03")])
        #expect(try callAll(&state, at: "08:10") == ["A003", "A004", "A001", "A002"])
    }

    @Test("interleave(n): one priority ticket after every n regular ones", arguments: [
        (1, ["A001", "A005", "A002", "A006", "A003", "A004"]),
        (2, ["A001", "A002", "A005", "A003", "A004", "A006"]),
        (3, ["A001", "A002", "A003", "A005", "A004", "A006"]),
        (0, ["A005", "A006", "A001", "A002", "A003", "A004"]),
    ])
    func interleave(n: Int, expected: [String]) throws {
        var state = try day(CallingPolicy(priorityRule: .interleave(regularPerPriority: n), maxWait: nil),
                            [(nil, "08:00"), (nil, "08:01"), (nil, "08:02"), (nil, "08:03"), ("child", "08:04"), ("disabled", "08:05")])
        #expect(try callAll(&state, at: "08:10") == expected)
    }

    @Test("interleave: a priority ticket is called at once when no regular one waits")
    func interleaveNoRegular() throws {
        var state = try day(CallingPolicy(priorityRule: .interleave(regularPerPriority: 3), maxWait: nil), [("elderly", "08:00")])
        #expect(try callAll(&state, at: "08:10") == ["A001"])
    }

    @Test("no ticket overtakes one that has waited maxWait; the bound is inclusive", arguments: [
        ("08:29:59", "A002"), ("08:30", "A001"),
    ])
    func antiStarvation(time: String, first: String) throws {
        var state = try day(CallingPolicy(priorityRule: .strict, maxWait: 30 * 60), [(nil, "08:00"), ("elderly", "08:10")])
        #expect(try state.callNext(1, at: Fixture.at(time))?.number == first)
    }

    @Test("among overdue tickets the oldest goes first, priority or not")
    func overdueOldestFirst() throws {
        var state = try day(CallingPolicy(priorityRule: .strict, maxWait: 30 * 60),
                            [("elderly", "08:00"), (nil, "08:01"), ("elderly", "08:02"), (nil, "08:40")])
        // At 08:45 the first three are overdue and go in issue order; then strict priority resumes.
        #expect(try callAll(&state, at: "08:45") == ["A001", "A002", "A003", "A004"])
        var other = try day(CallingPolicy(priorityRule: .strict, maxWait: 30 * 60),
                            [(nil, "08:00"), (nil, "08:20"), ("elderly", "08:25")])
        #expect(try callAll(&other, at: "08:35") == ["A001", "A003", "A002"])
    }

    @Test("without maxWait, strict priority can keep a regular ticket waiting")
    func noBound() throws {
        var state = try day(CallingPolicy(priorityRule: .strict, maxWait: nil), [(nil, "07:00"), ("elderly", "16:00")])
        #expect(try state.callNext(1, at: Fixture.at("16:30"))?.number == "A002")
    }

    @Test("serviceOrder: oldest across the counter's services, or the preferred service first", arguments: [
        (CallingPolicy.ServiceOrder.oldest, ["A001", "1001", "A002"]),
        (.preference, ["1001", "A001", "A002"]),
    ])
    func serviceOrder(order: CallingPolicy.ServiceOrder, expected: [String]) throws {
        var state = try day(CallingPolicy(serviceOrder: order, maxWait: nil), [(nil, "08:00"), (nil, "08:02")])
        _ = try state.issue("XD", at: Fixture.at("08:01"))
        #expect(try callAll(&state, counter: 3, at: "08:10") == expected)
    }

    @Test("choose: on equal issue times, the counter's own and preferred tickets first, then the sequence")
    func tieBreak() {
        let t = Fixture.at("08:00")
        func ticket(_ id: String, service: Int, sequence: Int, target: Int? = nil) -> Ticket {
            Ticket(id: id, day: Fixture.monday, issuedService: service, sequence: sequence, number: id,
                   priority: nil, kiosk: nil, issuedAt: t, service: service, targetCounter: target)
        }
        let counter = Counter(number: 3, services: [3, 1], state: .open)
        let policy = CallingPolicy(serviceOrder: .oldest, maxWait: nil)
        let a2 = ticket("a2", service: 1, sequence: 2)
        let a1 = ticket("a1", service: 1, sequence: 1)
        let x5 = ticket("x5", service: 3, sequence: 5)
        let sent = ticket("sent", service: 2, sequence: 9, target: 3)
        #expect(policy.choose(for: counter, among: [a2, a1, sent], now: t)?.id == "sent")
        #expect(policy.choose(for: counter, among: [a2, a1, x5], now: t)?.id == "x5")
        #expect(policy.choose(for: counter, among: [a2, a1], now: t)?.id == "a1")
        #expect(policy.choose(for: counter, among: [], now: t) == nil)
    }
}
