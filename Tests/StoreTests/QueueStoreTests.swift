import Foundation
import GRDB
import QueueCore
import Store
import Testing

@Suite("The SQLite store")
struct QueueStoreTests {
    static let monday = BusinessDay(year: 2026, month: 11, day: 30)
    static func at(_ time: String) -> Date { monday.date(at: TimeOfDay(time)!, in: OfficeCalendar.vietnam) }
    static let services = [Service(id: 1, code: "HT", name: "Hộ tịch", prefix: "A"), Service(id: 2, code: "CT", name: "Chứng thực", prefix: "B")]
    static let counters = [Counter(number: 1, services: [1, 2])]

    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("motcua-store-\(UUID().uuidString).sqlite").path
    }

    @Test("the writer runs in WAL mode with synchronous=FULL")
    func durabilitySettings() throws {
        let path = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try QueueStore(path: path)
        #expect(try store.writerSynchronous() == 2, "synchronous=FULL (2), not GRDB's NORMAL (1)")
        let mode = try store.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("a committed day reloads exactly: tickets, counters, phase, event seq; the outbox holds every event")
    func roundTrip() async throws {
        let path = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try QueueStore(path: path)
        try store.install(services: Self.services, counters: Self.counters, replace: true)
        var state = try store.loadState(settings: QueueSettings(site: "s"), now: Self.at("08:00"))
        var changes = [state.advance(to: Self.at("08:00"))]
        for (i, op) in [QueueOperation.issue(service: "HT", priority: nil, kiosk: "k1"), .issue(service: "CT", priority: "elderly", kiosk: nil),
                        .issue(service: "HT", priority: nil, kiosk: nil), .open(counter: 1), .next(counter: 1), .start(counter: 1)].enumerated() {
            changes.append(try state.apply(op, now: Self.at("08:0\(i + 1)")))
        }
        let stored = try await store.commit(changes)
        #expect(stored.map(\.seq) == Array(1...state.lastEventSeq))
        #expect(try store.outboxPending() == Int(state.lastEventSeq))

        let reopened = try QueueStore(path: path)
        let again = try reopened.loadState(settings: QueueSettings(site: "s"), now: Self.at("09:00"))
        #expect(again.status == state.status)
        #expect(again.lastEventSeq == state.lastEventSeq)
        #expect(again.tickets == state.tickets)
        #expect(again.counters == state.counters)
        #expect(again.waiting(service: 1).map(\.number) == state.waiting(service: 1).map(\.number))
        #expect(try reopened.events(after: 2).first?.seq == 3)
        let body = try #require(try reopened.events(after: 0, limit: 1).first?.body)
        let decoded = try JSONDecoder().decode(QueueEvent.self, from: Data(body.utf8))
        #expect(decoded.type == .dayOpened)
        #expect(body.contains("+07:00"))
    }

    @Test("a failed transaction stores nothing of the batch")
    func failedBatchStoresNothing() async throws {
        let store = try QueueStore()
        try store.install(services: Self.services, counters: Self.counters, replace: true)
        var state = try store.loadState(settings: QueueSettings(site: "s"), now: Self.at("08:00"))
        let good = [state.advance(to: Self.at("08:00")), try state.apply(.issue(service: "HT", priority: nil, kiosk: nil), now: Self.at("08:01"))]
        try await store.commit(good)
        // A second change reusing event seq 1 breaks the event log's key: the whole batch must roll back.
        var other = try store.loadState(settings: QueueSettings(site: "s"), now: Self.at("08:00"))
        let fresh = try other.apply(.issue(service: "CT", priority: nil, kiosk: nil), now: Self.at("08:02"))
        var clash = fresh
        clash.events = good[0].events
        await #expect(throws: (any Error).self) { try await store.commit([fresh, clash]) }
        #expect(try store.tickets(day: Self.monday).map(\.number) == ["A001"])
        #expect(try store.lastEventSeq() == good.flatMap(\.events).last!.seq)
    }

    @Test("a number is never stored twice for a service and day")
    func uniqueNumbers() async throws {
        let store = try QueueStore()
        try store.install(services: Self.services, counters: Self.counters, replace: true)
        var a = try store.loadState(settings: QueueSettings(site: "s"), now: Self.at("08:00"))
        var b = a
        let opened = a.advance(to: Self.at("08:00"))
        _ = b.advance(to: Self.at("08:00"))
        try await store.commit([opened, try a.apply(.issue(service: "HT", priority: nil, kiosk: nil), now: Self.at("08:01"))])
        // A second writer with a stale state would hand out A001 again: the schema refuses it.
        var second = try b.apply(.issue(service: "HT", priority: nil, kiosk: nil), now: Self.at("08:01"))
        second.events = []
        await #expect(throws: (any Error).self) { try await store.commit([second]) }
    }

    @Test("seeding without replace changes nothing the second time; replace updates definitions but keeps live counter state")
    func install() async throws {
        let store = try QueueStore()
        try store.install(services: Self.services, counters: Self.counters, replace: false)
        var renamed = Self.services
        renamed[0].name = "Tên khác"
        try store.install(services: renamed, counters: Self.counters, replace: false)
        #expect(try store.services().map(\.name) == ["Hộ tịch", "Chứng thực"])

        var state = try store.loadState(settings: QueueSettings(site: "s"), now: Self.at("08:00"))
        try await store.commit([try state.apply(.open(counter: 1), now: Self.at("08:00"))])
        try store.install(services: renamed, counters: [Counter(number: 1, name: "Quầy một", services: [2])], replace: true)
        #expect(try store.services().first?.name == "Tên khác")
        let counter = try #require(try store.counters().first)
        #expect(counter.name == "Quầy một")
        #expect(counter.services == [2])
        #expect(counter.state == .open, "an office's configuration reload does not close a working counter")
    }
}
