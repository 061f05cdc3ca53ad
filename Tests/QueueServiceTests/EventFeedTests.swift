import Foundation
import QueueCore
import QueueService
import Store
import Synchronization
import Testing

@Suite("The event feed of the daemon's own followers")
struct EventFeedTests {
    /// An engine on a real database file whose hub lets a subscriber lag `buffer` events behind.
    static func engine(path: String, buffer: Int) throws -> QueueEngine {
        let store = try QueueStore(path: path)
        try store.install(services: QueueEngineTests.services, counters: QueueEngineTests.counters, replace: true)
        return try QueueEngine(
            store: store, settings: QueueSettings(site: "t"), hub: EventHub(buffer: buffer), clock: { QueueEngineTests.eight }
        )
    }

    @Test("a follower the hub dropped for lagging still gets every event, in order, once; the feed ends when the hub closes")
    func droppedFollowerMissesNothing() async throws {
        let path = QueueEngineTests.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let engine = try Self.engine(path: path, buffer: 4)
        _ = try await engine.perform(.issue(service: "HT", priority: nil, kiosk: nil))
        let first = try engine.store.lastEventSeq()
        let resumes = Mutex<[Int64]>([])
        let feed = EventFeed(hub: engine.hub, store: engine.store) { after in resumes.withLock { $0.append(after) } }
        var iterator = feed.makeAsyncIterator()

        // The follower reads one event, then stalls while 40 tickets are issued: ten times the hub's buffer.
        // The hub keeps the first four for it (the one it read and three more), then drops it.
        _ = try await engine.perform(.issue(service: "HT", priority: nil, kiosk: nil))
        let one = await iterator.next()
        #expect(one?.seq == first + 1, "the feed starts after the events committed before it")
        #expect(one?.type == "ticket.issued")
        for i in 0..<40 { _ = try await engine.perform(.issue(service: i % 2 == 0 ? "HT" : "CT", priority: nil, kiosk: nil)) }
        let last = try engine.store.lastEventSeq()

        var seen: [Int64] = [one?.seq ?? -1]
        while seen.last! < last, let event = await iterator.next() { seen.append(event.seq) }
        #expect(seen == Array((first + 1)...last), "every event from the log, each once, in order")
        #expect(resumes.withLock { $0 } == [first + 4], "the hub dropped the follower once, after the four events it kept")

        // After catching up it is live again: the next ticket comes from the hub.
        let ticket = try await engine.perform(.issue(service: "CT", priority: nil, kiosk: nil)).ticket!
        let live = await iterator.next()
        #expect(live?.seq == last + 1)
        #expect(live?.body.contains("\"\(ticket.number)\"") == true)

        engine.hub.finishAll()
        #expect(await iterator.next() == nil, "a closed hub ends the feed")
        #expect(resumes.withLock { $0 }.count == 1, "a shutdown is not a drop")
        var late = EventFeed(hub: engine.hub, store: engine.store, after: 0).makeAsyncIterator()
        #expect(await late.next() == nil, "a feed opened after the shutdown ends at once, even with the log behind it")
    }

    @Test("a follower whose task is cancelled (the daemon stops) ends its feed, and that is not taken for a drop")
    func cancelledFollowerIsNoDrop() async throws {
        let path = QueueEngineTests.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let engine = try Self.engine(path: path, buffer: 4096)
        _ = try await engine.perform(.issue(service: "HT", priority: nil, kiosk: nil))
        let resumes = Mutex(0)
        let feed = EventFeed(hub: engine.hub, store: engine.store) { _ in resumes.withLock { $0 += 1 } }
        let follower = Task {
            var seen = 0
            for await _ in feed { seen += 1 }
            return seen
        }
        _ = try await engine.perform(.issue(service: "HT", priority: nil, kiosk: nil))
        try await Task.sleep(for: .milliseconds(200))
        follower.cancel()
        #expect(await follower.value == 1)
        #expect(resumes.withLock { $0 } == 0, "a stop is not reported as falling behind")
    }

    @Test("a feed from an earlier seq reads the log first, then goes on live")
    func feedFromEarlierSeq() async throws {
        let path = QueueEngineTests.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let engine = try Self.engine(path: path, buffer: 4096)
        for _ in 0..<3 { _ = try await engine.perform(.issue(service: "HT", priority: nil, kiosk: nil)) }
        var iterator = EventFeed(hub: engine.hub, store: engine.store, after: 0).makeAsyncIterator()
        var seen: [String] = []
        for _ in 0..<4 { seen.append(await iterator.next()?.type ?? "none") }
        #expect(seen == ["day.opened", "ticket.issued", "ticket.issued", "ticket.issued"])
        _ = try await engine.perform(.issue(service: "CT", priority: nil, kiosk: nil))
        let next = await iterator.next()
        #expect(next?.seq == 5)
        #expect(next?.body.contains("\"B001\"") == true)
    }
}
