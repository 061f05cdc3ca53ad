import Foundation
import GRDB
import QueueCore
import QueueService
import Store
import Testing

@Suite("The single writer")
struct QueueEngineTests {
    static let monday = BusinessDay(year: 2026, month: 11, day: 30)
    static let eight = monday.date(at: TimeOfDay("08:00")!, in: OfficeCalendar.vietnam)
    static let services = [Service(id: 1, code: "HT", name: "Hộ tịch", prefix: "A"), Service(id: 2, code: "CT", name: "Chứng thực", prefix: "B")]
    static let counters = [Counter(number: 1, services: [1, 2])]

    /// An engine on a real database file, at a fixed 08:00 on a Monday.
    static func engine(path: String) throws -> (QueueEngine, QueueStore) {
        let store = try QueueStore(path: path)
        try store.install(services: services, counters: counters, replace: true)
        return (try QueueEngine(store: store, settings: QueueSettings(site: "t"), clock: { eight }), store)
    }

    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("motcua-engine-\(UUID().uuidString).sqlite").path
    }

    @Test("concurrent operations are committed in groups: every answer is on disk, numbers contiguous, events gap-free")
    func groupCommit() async throws {
        let path = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (engine, store) = try Self.engine(path: path)
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<300 {
                group.addTask { try await engine.perform(.issue(service: i % 3 == 0 ? "CT" : "HT", priority: nil, kiosk: nil)).ticket!.number }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Each answer came after its commit: the database already holds every answered ticket.
        let stored = try store.tickets(day: Self.monday).map(\.number)
        #expect(Set(stored) == Set(numbers))
        #expect(stored.filter { $0.hasPrefix("A") }.sorted() == (1...200).map { String(format: "A%03d", $0) })
        #expect(stored.filter { $0.hasPrefix("B") }.sorted() == (1...100).map { String(format: "B%03d", $0) })
        let seqs = try store.events(after: 0, limit: 10_000).map(\.seq)
        #expect(seqs == Array(1...Int64(seqs.count)))
        #expect(seqs.count == 301, "day.opened and 300 ticket.issued")
    }

    @Test("a full disk refuses the operation, changes nothing, loses nothing; numbering resumes with no gap")
    func diskFull() async throws {
        let path = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (engine, store) = try Self.engine(path: path)
        for _ in 0..<3 { _ = try await engine.perform(.issue(service: "HT", priority: nil, kiosk: nil)) }
        let live = engine.hub.subscribe()

        // SQLite's own limit on the file's size: the next page it needs is refused with SQLITE_FULL,
        // exactly as when the disk fills up.
        try await store.database.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count")!
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        var refused = 0
        for _ in 0..<200 {
            do {
                _ = try await engine.perform(.issue(service: "HT", priority: String?.none, kiosk: String(repeating: "k", count: 2000)))
            } catch is StorageFailure {
                refused += 1
            }
        }
        #expect(refused > 0, "the full disk refused tickets")
        let acknowledged = 200 - refused

        try await store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        let next = try await engine.perform(.issue(service: "HT", priority: nil, kiosk: nil)).ticket!
        #expect(next.number == String(format: "A%03d", 3 + acknowledged + 1), "no number was spent on a refused ticket")

        // What the engine holds is what the disk holds.
        let onDisk = try store.tickets(day: Self.monday).map(\.number).sorted()
        #expect(onDisk == (1...(3 + acknowledged + 1)).map { String(format: "A%03d", $0) })
        let seqs = try store.events(after: 0, limit: 10_000).map(\.seq)
        #expect(seqs == Array(1...Int64(seqs.count)), "no hole in the event log")
        let fromDisk = try store.loadState(settings: QueueSettings(site: "t"), now: Self.eight)
        #expect(await engine.read { $0.tickets } == fromDisk.tickets)

        // Displays heard only of what was stored.
        engine.hub.finishAll()
        var heard: [Int64] = []
        for await event in live { heard.append(event.seq) }
        #expect(Set(heard).isSubset(of: Set(seqs)))
        #expect(heard.count == acknowledged + 1)
    }

    @Test("a read waits for the changes before it: no reader sees a ticket that is not yet on disk")
    func readsSeeCommittedState() async throws {
        let path = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (engine, store) = try Self.engine(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask { _ = try await engine.perform(.issue(service: "HT", priority: nil, kiosk: nil)) }
                group.addTask {
                    let seen = await engine.read { Set($0.tickets.keys) }
                    let stored = Set(try store.tickets(day: Self.monday).map(\.id))
                    #expect(seen.isSubset(of: stored))
                }
            }
            try await group.waitForAll()
        }
    }
}
