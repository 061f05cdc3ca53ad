import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QueueCore
import QueueService
import Store
import Testing
import Web

/// Taking a ticket: the 201 answer, numbering, service by id or code, the wait estimate.
@Suite struct TicketIssueTests {
    @Test func theFirstTicketOfTheDay() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let response = try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"HT\"}")
            #expect(response.status == .created)
            let ticket = try response.object()
            let id = try #require(ticket.string("id"))
            #expect(UUID(uuidString: id) != nil, "id \(id) is not a UUID")
            #expect(response.headers[.location] == "/api/v1/tickets/\(id)")
            #expect(ticket.string("number") == "A001")
            #expect(ticket.string("service") == "HT")
            #expect(ticket.int("service_id") == 1)
            #expect(ticket.string("service_name") == "Hộ tịch")
            #expect(ticket.string("issued_at") == "2026-11-30T08:00:00.000+07:00")
            #expect(ticket.int("ahead") == 0)
            // No counter serving HT is open: no estimate, said as an explicit null.
            #expect(ticket.isNull("estimated_wait_s"), "\(response.text)")
            #expect(ticket.isNull("priority"), "\(response.text)")
            #expect(ticket["printed"] as? Bool == false)
            #expect(Set(ticket.keys).isSuperset(of: ["id", "number", "service", "priority", "issued_at", "ahead", "estimated_wait_s", "printed"]))

            // The ticket is there to look up.
            let lookup = try await client.send(.get, "/api/v1/tickets/\(id)")
            #expect(lookup.status == .ok)
            #expect(try lookup.object().string("state") == "waiting")
        }
    }

    @Test func numbersAreContiguousPerService() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            var numbers: [String] = []
            var aheads: [Int] = []
            for i in 0..<12 {
                // By code and by id, alternately: both are the same service.
                let ticket = try await client.issue(i.isMultiple(of: 2) ? "\"HT\"" : "1")
                #expect(ticket.string("service") == "HT")
                numbers.append(ticket.string("number") ?? "?")
                aheads.append(ticket.int("ahead") ?? -1)
                office.clock.advance(5)
            }
            #expect(numbers == (1...12).map { String(format: "A%03d", $0) })
            #expect(aheads == Array(0..<12))
            // Another service counts on its own, with its own prefix.
            #expect(try await client.issue("2").string("number") == "B001")
            #expect(try await client.issue("\"CT\"").string("number") == "B002")
            #expect(try await client.issue("\"HT\"").string("number") == "A013")
            // Refusals in between do not use up numbers.
            try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"HT\", \"priority\": \"vip\"}")
            try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"HT\", \"x\": 1}")
            #expect(try await client.issue("\"HT\"").string("number") == "A014")
        }
    }

    @Test func theEstimateAppearsOnceACounterIsOpen() async throws {
        let office = try await TestOffice()
        let clerk = try await office.clerkToken()
        try await office.application().test(.router) { client in
            let first = try await client.issue("\"HT\"")
            #expect(first.isNull("estimated_wait_s"))
            #expect(try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk).status == .ok)
            let second = try await client.issue("\"HT\"")
            #expect(second.int("ahead") == 1)
            // One ahead, one open counter, the default service time of 300 s.
            #expect(second["estimated_wait_s"] as? Int == 300, "\(second)")
            let third = try await client.issue("\"HT\"")
            #expect(third["estimated_wait_s"] as? Int == 600)
            // CT is served at counter 1 too; DD nowhere.
            let ct = try await client.issue("\"CT\"")
            #expect(ct["estimated_wait_s"] as? Int == 0)
        }
    }

    @Test func priorityAndKioskAreAccepted() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let response = try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"HT\", \"priority\": \"elderly\", \"kiosk\": \"kiosk-1\"}")
            #expect(response.status == .created)
            #expect(try response.object().string("priority") == "elderly")
            #expect(try response.object().string("number") == "A001")
            // null is the same as absent.
            let plain = try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"HT\", \"priority\": null, \"kiosk\": null}")
            #expect(plain.status == .created)
            #expect(try plain.object().isNull("priority"))
        }
    }
}
