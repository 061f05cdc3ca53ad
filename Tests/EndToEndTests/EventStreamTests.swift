import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@Suite("SSE against the real daemon", .serialized)
struct EventStreamTests {
    /// Reads SSE frames until `until` says stop, or 10 s pass; returns (seq, type) pairs.
    static func read(_ daemon: DaemonProcess, lastEventID: Int64?, until: @escaping @Sendable ([(Int64, String)]) -> Bool) async throws -> [(Int64, String)] {
        var request = HTTPClientRequest(url: daemon.baseURL + "/api/v1/events")
        if let lastEventID { request.headers.add(name: "Last-Event-ID", value: String(lastEventID)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") == true)
        var seen: [(Int64, String)] = []
        var pending = ""
        var id: Int64?
        var type: String?
        let deadline = Date() + 10
        for try await chunk in response.body {
            pending += String(buffer: chunk)
            while let newline = pending.firstIndex(of: "\n") {
                let line = String(pending[..<newline])
                pending = String(pending[pending.index(after: newline)...])
                if line.hasPrefix("id: ") { id = Int64(line.dropFirst(4)) }
                else if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                else if line.hasPrefix("data: "), let data = line.dropFirst(6).data(using: .utf8) {
                    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                    #expect(object?["seq"] as? Int64 == id || (object?["seq"] as? Int).map(Int64.init) == id, "data.seq matches the id: line")
                } else if line.isEmpty, let frameID = id, let frameType = type {
                    seen.append((frameID, frameType))
                    id = nil
                    type = nil
                }
            }
            if until(seen) || Date() > deadline { break }
        }
        return seen
    }

    @Test("a display that disconnects and reconnects with Last-Event-ID misses no event and sees none twice")
    func reconnectMissesNothing() async throws {
        try await OfficeDay.awayFromMidnight()
        let daemon = try DaemonProcess()
        try await daemon.start()
        for _ in 0..<5 { _ = try await daemon.post("/api/v1/tickets", json: ["service": "HT"]) }

        // First connection: read until the fifth ticket.issued, then drop the connection.
        let first = try await Self.read(daemon, lastEventID: 0) { seen in seen.filter { $0.1 == "ticket.issued" }.count >= 5 }
        let lastSeen = try #require(first.last?.0)

        // While the display is away: more tickets and calls.
        for _ in 0..<7 { _ = try await daemon.post("/api/v1/tickets", json: ["service": "CT"]) }
        #expect(try daemon.cli(["counter", "open", "2"]).status == 0)
        #expect(try daemon.cli(["counter", "next", "2"]).status == 0)

        // The store's last seq: what the display must reach.
        let metrics = String(decoding: try await daemon.get("/metrics").body, as: UTF8.self)
        #expect(metrics.contains("motcua_outbox_pending"))
        let total = first.count + 7 + 2 // 7 issued, counter.opened, ticket.called
        let second = try await Self.read(daemon, lastEventID: lastSeen) { seen in (seen.last?.0 ?? 0) >= Int64(total) }

        let all = first + second
        #expect(all.map(\.0) == Array(1...Int64(all.count)), "seq 1, 2, 3 … with no gap and no repeat across the reconnect")
        #expect(all.count == total)
        #expect(second.first?.0 == lastSeen + 1)
        #expect(second.contains { $0.1 == "ticket.called" })

        // A live subscriber receives a call as it happens.
        async let live = Self.read(daemon, lastEventID: Int64(all.count)) { seen in seen.contains { $0.1 == "ticket.called" } }
        try await Task.sleep(for: .milliseconds(300))
        #expect(try daemon.cli(["counter", "next", "2"]).status == 0)
        let received = try await live
        #expect(received.first?.1 == "ticket.done" || received.first?.1 == "ticket.called")
        #expect(received.contains { $0.1 == "ticket.called" })
        #expect(try await daemon.stop() == 0)
    }
}
