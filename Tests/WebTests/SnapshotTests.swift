import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QueueCore
import QueueService
import Store
import Testing
import Web

/// What kiosks and displays read: the services, the queue snapshot, health and readiness.
@Suite struct SnapshotTests {
    private func fetchServices(_ client: some TestClientProtocol) async throws -> [String: [String: Any]] {
        let response = try await client.send(.get, "/api/v1/services")
        #expect(response.status == .ok)
        let list = try response.array().compactMap { $0 as? [String: Any] }
        #expect(list.map { $0.int("id") } == [1, 2, 3], "services in id order")
        return Dictionary(uniqueKeysWithValues: list.map { ($0.string("code") ?? "?", $0) })
    }

    @Test func servicesSayWhetherTheyIssueAndWhoWaits() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            var services = try await fetchServices(client)
            #expect(services["HT"]?["open"] as? Bool == true)
            #expect(services["HT"]?.string("status") == "open")
            #expect(services["HT"]?.string("prefix") == "A")
            #expect(services["HT"]?.string("name") == "Hộ tịch")
            #expect(services["HT"]?["windows"] as? [String] == ["07:00-17:00"])
            #expect(services["CT"]?["open"] as? Bool == true)
            #expect(services["CT"]?.int("daily_quota") == 3)
            #expect(services["DD"]?["open"] as? Bool == false)
            #expect(services["DD"]?.string("status") == "service_closed")
            #expect(services.values.allSatisfy { $0.int("waiting") == 0 })
            #expect(services.values.allSatisfy { $0.keys.contains("estimated_wait_s") }, "estimated_wait_s is part of the contract")

            try await client.issue("\"HT\"")
            try await client.issue("\"HT\"")
            for _ in 0..<3 { try await client.issue("\"CT\"") }
            services = try await fetchServices(client)
            #expect(services["HT"]?.int("waiting") == 2)
            #expect(services["HT"]?.int("issued_today") == 2)
            #expect(services["CT"]?.int("waiting") == 3)
            #expect(services["CT"]?["open"] as? Bool == false)
            #expect(services["CT"]?.string("status") == "quota_reached")
            #expect(services["DD"]?.int("waiting") == 0)

            // After HT's window (17:00) but within the working day (until 17:30).
            office.clock.now = TestOffice.monday.date(at: TimeOfDay("17:10")!, in: OfficeCalendar.vietnam)
            services = try await fetchServices(client)
            #expect(services["HT"]?["open"] as? Bool == false)
            #expect(services["HT"]?.string("status") == "outside_hours")
            #expect(services["CT"]?.string("status") == "quota_reached")
            #expect(services["DD"]?.string("status") == "service_closed")
        }
    }

    @Test func afterTheDayEveryServiceIsOutsideHours() async throws {
        let office = try await TestOffice(at: "18:00")
        try await office.application().test(.router) { client in
            let services = try await fetchServices(client)
            #expect(services["HT"]?.string("status") == "outside_hours")
            #expect(services["CT"]?.string("status") == "outside_hours")
            #expect(services["DD"]?.string("status") == "service_closed")
        }
    }

    @Test func theQueueSnapshot() async throws {
        let office = try await TestOffice()
        let clerk = try await office.clerkToken(name: "clerk1", counter: nil)
        try await office.application().test(.router) { client in
            for service in ["\"HT\"", "\"CT\"", "\"HT\"", "\"HT\""] {
                try await client.issue(service)
                office.clock.advance(60)
            }
            try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk)
            try await client.send(.post, "/api/v1/counters/3/open", bearer: clerk)
            #expect(try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk).object().string("number") == "A001")
            office.clock.advance(5)
            #expect(try await client.send(.post, "/api/v1/counters/3/next", bearer: clerk).object().string("number") == "A002")

            let response = try await client.send(.get, "/api/v1/queue")
            #expect(response.status == .ok)
            let queue = try response.object()
            #expect(queue.string("site") == "test-site")
            #expect(queue.string("day") == "2026-11-30")
            #expect(queue.string("phase") == "open")

            let services = queue.objects("services")
            #expect(services.map { $0.string("code") } == ["HT", "CT", "DD"])
            #expect(services[0].int("waiting") == 1)
            #expect(services[0].objects("tickets").map { $0.string("number") } == ["A003"])
            #expect(services[0].objects("tickets").first?.string("state") == "waiting")
            #expect(services[1].objects("tickets").map { $0.string("number") } == ["B001"])
            #expect(services[2].objects("tickets").isEmpty)

            let counters = queue.objects("counters")
            #expect(counters.map { $0.int("id") } == [1, 2, 3])
            #expect(counters.map { $0.string("state") } == ["open", "closed", "open"])
            #expect(counters[0].object("current")?.string("number") == "A001")
            #expect(counters[0].object("current")?.string("state") == "called")
            #expect(counters[1].object("current") == nil)
            #expect(counters[2].object("current")?.string("number") == "A002")

            // Newest call first.
            let calls = queue.objects("recent_calls")
            #expect(calls.map { $0.string("number") } == ["A002", "A001"])
            #expect(calls.map { $0.int("counter") } == [3, 1])
            #expect(calls.map { $0.string("service") } == ["HT", "HT"])
            #expect(calls.first?.string("called_at") == "2026-11-30T08:04:05.000+07:00")
        }
    }

    @Test func waitingTicketsAreListedInTheOrderOfIssue() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            for _ in 0..<5 {
                try await client.issue("\"HT\"")
                office.clock.advance(1)
            }
            let queue = try await client.send(.get, "/api/v1/queue").object()
            let ht = try #require(queue.objects("services").first)
            #expect(ht.objects("tickets").map { $0.string("number") } == ["A001", "A002", "A003", "A004", "A005"])
            #expect(ht.int("waiting") == 5)
            #expect(queue.objects("recent_calls").isEmpty)
        }
    }

    @Test func healthAndReadiness() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let health = try await client.send(.get, "/healthz")
            #expect(health.status == .ok)
            #expect(try health.object().string("status") == "ok")
            let ready = try await client.send(.get, "/readyz")
            #expect(ready.status == .ok)
            let readiness = try ready.object()
            #expect(readiness.string("status") == "ready")
            #expect(readiness.string("site") == "test-site")
            #expect(readiness.string("day") == "2026-11-30")
            #expect(readiness.string("phase") == "open")
        }
    }
}
