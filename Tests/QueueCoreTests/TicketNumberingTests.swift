import Foundation
import QueueCore
import Testing

@Suite("Ticket numbering")
struct TicketNumberingTests {
    @Test("prefixed numbers are A001, A002, … in issue order")
    func prefixedNumbers() throws {
        var state = Fixture.openDay()
        var numbers: [String] = []
        for minute in 0..<12 {
            let ticket = try state.issue("HT", at: Fixture.at("08:00").addingTimeInterval(Double(minute) * 60))
            numbers.append(ticket.number)
            #expect(ticket.sequence == minute + 1)
            #expect(ticket.issuedService == 1 && ticket.service == 1)
            #expect(ticket.state == .waiting)
            #expect(ticket.day == Fixture.monday)
        }
        #expect(numbers == ["A001", "A002", "A003", "A004", "A005", "A006", "A007", "A008", "A009", "A010", "A011", "A012"])
        #expect(state.issuedCount(service: 1) == 12)
    }

    @Test("a numeric block runs 1001, 1002, …")
    func blockNumbers() throws {
        var state = Fixture.openDay()
        let first = try state.issue("XD", at: Fixture.at("08:00"))
        let second = try state.issue("3", at: Fixture.at("08:01"))
        #expect([first.number, second.number] == ["1001", "1002"])
        #expect([first.sequence, second.sequence] == [1, 2] as [Int])
    }

    @Test("each service numbers on its own; priority tickets share the service's sequence")
    func servicesNumberIndependently() throws {
        var state = Fixture.openDay()
        let t = Fixture.at("08:00")
        let a1 = try state.issue("HT", at: t)
        let b1 = try state.issue("DD", at: t)
        let a2 = try state.issue("HT", priority: "elderly", at: t)
        let x1 = try state.issue("XD", at: t)
        let b2 = try state.issue("2", priority: "pregnant", at: t)
        let a3 = try state.issue("1", at: t)
        #expect([a1, b1, a2, x1, b2, a3].map(\.number) == ["A001", "B001", "A002", "1001", "B002", "A003"])
        #expect(a2.priority == "elderly" && a2.isPriority && !a1.isPriority)
        #expect(state.issuedCount(service: 1) == 3 && state.issuedCount(service: 2) == 2 && state.issuedCount(service: 3) == 1)
    }

    @Test("issuing emits one ticket.issued event with the ticket", arguments: ["HT", "1"])
    func issueEvent(reference: String) throws {
        var state = Fixture.openDay()
        let seq = state.lastEventSeq
        let change = try state.must(.issue(service: reference, priority: nil, kiosk: "kiosk-1"), at: Fixture.at("08:15"))
        #expect(change.types == [.ticketIssued])
        expectGapFree(change, after: seq)
        let ticket = try #require(change.ticket)
        #expect(ticket.kiosk == "kiosk-1")
        #expect(ticket.issuedAt == Fixture.at("08:15"))
        #expect(change.events.first?.data.ticket?.number == "A001")
        #expect(change.events.first?.data.ticket?.service == "HT")
        #expect(change.events.first?.site == "test-site")
        #expect(state.tickets[ticket.id] == ticket)
        #expect(state.waiting(service: 1).map(\.id) == [ticket.id])
    }

    @Test("TicketNumberFormat writes numbers", arguments: [
        (TicketNumberFormat.prefixed(digits: 3), "A", 1, "A001"),
        (.prefixed(digits: 3), "A", 42, "A042"),
        (.prefixed(digits: 3), "A", 999, "A999"),
        (.prefixed(digits: 4), "HT", 7, "HT0007"),
        (.prefixed(digits: 2), "", 5, "05"),
        (.block(start: 1001), "X", 1, "1001"),
        (.block(start: 1001), "X", 999, "1999"),
        (.block(start: 2001), "", 25, "2025"),
    ])
    func formatNumbers(format: TicketNumberFormat, prefix: String, sequence: Int, expected: String) {
        #expect(format.number(prefix: prefix, sequence: sequence) == expected)
    }

    @Test("capacity stops before a number changes width or enters the next block", arguments: [
        (TicketNumberFormat.prefixed(digits: 3), 999),
        (.prefixed(digits: 1), 9),
        (.prefixed(digits: 4), 9999),
        (.block(start: 1001), 999),
        (.block(start: 2001), 999),
        (.block(start: 101), 99),
        (.block(start: 1), 9),
    ])
    func capacity(format: TicketNumberFormat, expected: Int) {
        #expect(format.capacity == expected)
        // The last number it allows still has the first one's width and leading digit.
        let first = format.number(prefix: "", sequence: 1)
        let last = format.number(prefix: "", sequence: format.capacity)
        #expect(first.count == last.count)
        if case .block(let start) = format, start >= 10 { #expect(first.first == last.first) }
    }

    @Test("two services with blocks 1001 and 2001 never hand out the same number")
    func blocksDoNotOverlap() throws {
        let services = [
            Service(id: 1, code: "A", name: "A", prefix: "", numberFormat: .block(start: 1001)),
            Service(id: 2, code: "B", name: "B", prefix: "", numberFormat: .block(start: 2001)),
        ]
        var state = Fixture.openDay(services: services, counters: [])
        var seen: Set<String> = []
        var refusedA = false
        let t = Fixture.at("08:00")
        for _ in 0..<1005 {
            let change: QueueChange
            do {
                change = try state.apply(.issue(service: "A", priority: nil, kiosk: nil), now: t)
            } catch {
                #expect(error.code == "quota_reached")
                refusedA = true
                break
            }
            let number = try #require(change.ticket?.number)
            #expect(seen.insert(number).inserted, "\(number) issued twice")
        }
        #expect(refusedA)
        #expect(state.issuedCount(service: 1) == 999)
        let b = try state.issue("B", at: t)
        #expect(b.number == "2001")
        #expect(!seen.contains(b.number))
    }

    @Test("the daily quota refuses the next ticket with quota_reached and changes nothing")
    func quota() throws {
        var state = Fixture.openDay()
        let t = Fixture.at("09:00")
        for _ in 0..<3 { _ = try state.issue("XD", at: t) }
        state.expectRefusal("quota_reached", .issue(service: "XD", priority: nil, kiosk: nil), at: t)
        state.expectRefusal("quota_reached", .issue(service: "XD", priority: "elderly", kiosk: nil), at: t)
        // Serving tickets frees no number: the quota counts what was issued.
        _ = try state.must(.open(counter: 3), at: t)
        _ = try state.callNext(3, at: t)
        _ = try state.must(.done(counter: 3, dossier: nil, rating: nil), at: t)
        state.expectRefusal("quota_reached", .issue(service: "XD", priority: nil, kiosk: nil), at: t.addingTimeInterval(60))
        // Other services are not affected.
        #expect(try state.issue("HT", at: t).number == "A001")
    }

    @Test("the format's capacity bounds a service without a quota")
    func capacityBoundsIssue() throws {
        let services = [Service(id: 1, code: "S", name: "S", prefix: "S", numberFormat: .prefixed(digits: 1))]
        var state = Fixture.openDay(services: services, counters: [])
        let t = Fixture.at("08:00")
        var numbers: [String] = []
        for _ in 0..<9 { numbers.append(try state.issue("S", at: t).number) }
        #expect(numbers == (1...9).map { "S\($0)" })
        state.expectRefusal("quota_reached", .issue(service: "S", priority: nil, kiosk: nil), at: t)
    }
}
