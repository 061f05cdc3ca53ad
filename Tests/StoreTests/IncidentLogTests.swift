import Foundation
import Store
import Testing

/// The incident log keeps each incident with its start and end, ends it once, and filters by day.
@Suite struct IncidentLogTests {
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func recordsEndsAndFilters() throws {
        let store = try QueueStore()
        let old = Incident(kind: .power, cause: "Mất điện", startedAt: t0 - 86400 * 3, endedAt: t0 - 86400 * 3 + 600)
        let open = Incident(kind: .hardware, device: "kiosk-printer", cause: "Hết giấy", startedAt: t0)
        try store.record(old)
        try store.record(open)
        #expect(try store.incidents().map(\.id) == [open.id, old.id], "newest first")
        #expect(try store.incidents(since: t0 - 86400).map(\.id) == [open.id], "an old, ended incident is left out")

        try store.endIncident(id: open.id, at: t0 + 120)
        try store.endIncident(id: open.id, at: t0 + 999)
        let ended = try #require(try store.incidents().first)
        #expect(ended.endedAt == t0 + 120, "an incident ends once")
        #expect(ended.device == "kiosk-printer")
        #expect(ended.kind == .hardware)
        #expect(try store.incidents(since: t0 + 121).isEmpty)
    }

    @Test func survivesReopeningTheFile() throws {
        let path = NSTemporaryDirectory() + "motcua-incidents-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let incident = Incident(kind: .network, cause: "Mất kết nối", startedAt: t0)
        do {
            let store = try QueueStore(path: path)
            try store.record(incident)
        }
        let reopened = try QueueStore(path: path)
        #expect(try reopened.incidents() == [incident])
    }
}
