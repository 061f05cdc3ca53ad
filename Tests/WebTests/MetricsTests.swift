import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QueueCore
import QueueService
import Store
import Testing
import Web

/// `GET /metrics`: the Prometheus text, with the counts the contract names.
@Suite struct MetricsTests {
    /// Reads `/metrics` once every committed change has been accounted for.
    private func fetchMetrics(_ client: some TestClientProtocol, _ office: TestOffice) async throws -> Metrics {
        // The engine counts a batch right after answering its requests: one more turn of the engine
        // makes sure that accounting is over.
        await office.engine.drain()
        let response = try await client.send(.get, "/metrics")
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
        return Metrics(text: response.text)
    }

    struct Metrics {
        let text: String

        /// The value of the sample `name` (with its labels exactly as rendered, e.g. `x{service="HT"}`).
        func value(_ sample: String) -> Double? {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: " ")
                if parts.count == 2, parts[0] == sample { return Double(parts[1]) }
            }
            return nil
        }

        /// Samples whose name and labels start with `prefix`.
        func samples(_ prefix: String) -> [(String, Double)] {
            text.split(separator: "\n").filter { $0.hasPrefix(prefix) }.compactMap { line in
                let parts = line.split(separator: " ")
                return parts.count == 2 ? (String(parts[0]), Double(parts[1]) ?? .nan) : nil
            }
        }
    }

    @Test func ticketsIssuedPerService() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            for _ in 0..<3 { try await client.issue("\"HT\"") }
            try await client.issue("1")
            try await client.issue("\"CT\"")
            try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"DD\"}")  // refused: not counted
            let metrics = try await fetchMetrics(client, office)
            #expect(metrics.value("motcua_tickets_issued_total{service=\"HT\"}") == 4, "\(metrics.text)")
            #expect(metrics.value("motcua_tickets_issued_total{service=\"CT\"}") == 1)
            #expect(metrics.value("motcua_tickets_issued_total{service=\"DD\"}") == nil)
        }
    }

    @Test func callsAndCallToPush() async throws {
        let office = try await TestOffice()
        let clerk = try await office.clerkToken(name: "clerk1", counter: nil)
        try await office.application().test(.router) { client in
            try await client.issue("\"HT\"")
            try await client.issue("\"HT\"")
            try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk)
            try await client.send(.post, "/api/v1/counters/3/open", bearer: clerk)
            try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk)
            try await client.send(.post, "/api/v1/counters/1/recall", bearer: clerk)
            try await client.send(.post, "/api/v1/counters/3/next", bearer: clerk)
            try await client.send(.post, "/api/v1/counters/3/next", bearer: clerk)  // nobody left: not a call
            let metrics = try await fetchMetrics(client, office)
            #expect(metrics.value("motcua_calls_total{counter=\"1\"}") == 2, "\(metrics.text)")
            #expect(metrics.value("motcua_calls_total{counter=\"3\"}") == 1)
            #expect(metrics.value("motcua_calls_total{counter=\"2\"}") == nil)
            #expect(metrics.value("motcua_call_to_push_seconds_count") == 3)
            #expect(!metrics.samples("motcua_call_to_push_seconds_bucket{").isEmpty)
        }
    }

    @Test func outboxPendingIsTheNumberOfEventsStored() async throws {
        let office = try await TestOffice()
        let clerk = try await office.clerkToken()
        try await office.application().test(.router) { client in
            // Only day.opened so far.
            var metrics = try await fetchMetrics(client, office)
            #expect(try office.store.lastEventSeq() == 1)
            #expect(metrics.value("motcua_outbox_pending") == 1, "\(metrics.samples("motcua_outbox"))")

            try await client.issue("\"HT\"")
            try await client.issue("\"CT\"")
            try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk)
            try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk)
            try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"XX\"}")  // refused: no event
            metrics = try await fetchMetrics(client, office)
            let stored = try office.store.lastEventSeq()
            #expect(stored == 5)
            #expect(metrics.value("motcua_outbox_pending") == Double(stored), "\(metrics.samples("motcua_outbox"))")
            #expect(try office.store.outboxPending() == Int(stored))
        }
    }

    @Test func httpRequestDurationsAreRecorded() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            try await client.issue("\"HT\"")
            try await client.send(.get, "/api/v1/services")
            try await client.send(.get, "/api/v1/services")
            try await client.send(.get, "/api/v1/nothing")
            let metrics = try await fetchMetrics(client, office)
            let counts = metrics.samples("motcua_http_request_duration_seconds_count{")
            #expect(!counts.isEmpty, "\(metrics.text)")
            let services = counts.filter { $0.0.contains("method=\"GET\"") && $0.0.contains("status=\"200\"") && $0.0.contains("/api/v1/services") }
            #expect(services.map(\.1) == [2], "\(counts)")
            let issued = counts.filter { $0.0.contains("method=\"POST\"") && $0.0.contains("status=\"201\"") }
            #expect(issued.map(\.1) == [1], "\(counts)")
            let missing = counts.filter { $0.0.contains("status=\"404\"") }
            #expect(missing.map(\.1) == [1], "\(counts)")
            #expect(!metrics.samples("motcua_http_request_duration_seconds_bucket{").isEmpty)
            #expect(!metrics.samples("motcua_http_request_duration_seconds_sum{").isEmpty)
        }
    }

    @Test func theOtherContractMetricsAreThere() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let metrics = try await fetchMetrics(client, office)
            #expect(metrics.text.contains("# TYPE motcua_events_delivered_total counter"), "\(metrics.text)")
            #expect(metrics.value("motcua_workflow_connected") == 0)
            #expect(metrics.text.contains("# TYPE motcua_call_to_push_seconds histogram"))
            #expect(metrics.text.contains("# TYPE motcua_outbox_pending gauge"))
        }
    }
}
