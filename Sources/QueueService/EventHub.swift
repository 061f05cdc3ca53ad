import Store
import Synchronization

/// Fans committed events out to live subscribers (SSE clients, the announcer, the LED boards).
///
/// A subscriber that falls too far behind is dropped rather than slowing the queue: its stream ends
/// and it resumes from the event log (an SSE client with `Last-Event-ID`, the daemon's own parts through
/// ``EventFeed``), so it misses nothing.
public final class EventHub: Sendable {
    private struct Subscribers {
        var next = 0
        var streams: [Int: AsyncStream<StoredEvent>.Continuation] = [:]
        var closed = false
    }

    private let subscribers = Mutex(Subscribers())
    private let buffer: Int

    /// - Parameter buffer: events a subscriber may lag behind before it is dropped.
    public init(buffer: Int = 4096) {
        self.buffer = buffer
    }

    /// A stream of the events committed from now on, in seq order; once the hub is closed, a stream that
    /// has already ended.
    public func subscribe() -> AsyncStream<StoredEvent> {
        let (stream, continuation) = AsyncStream<StoredEvent>.makeStream(bufferingPolicy: .bufferingOldest(buffer))
        let id: Int? = subscribers.withLock { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.streams[state.next] = continuation
            return state.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    /// How many subscribers are connected.
    public var count: Int { subscribers.withLock { $0.streams.count } }

    /// Hands committed events to every subscriber.
    public func publish(_ events: [StoredEvent]) {
        guard !events.isEmpty else { return }
        let streams = subscribers.withLock { Array($0.streams.values) }
        for continuation in streams {
            for event in events {
                if case .dropped = continuation.yield(event) {
                    continuation.finish()
                    break
                }
            }
        }
    }

    /// Ends every subscription, and every later one at once (shutdown).
    public func finishAll() {
        let streams = subscribers.withLock { state in
            state.closed = true
            return Array(state.streams.values)
        }
        for continuation in streams { continuation.finish() }
    }

    /// Whether ``finishAll()`` was called: a stream that ends was ended by the shutdown, not dropped.
    public var isClosed: Bool { subscribers.withLock { $0.closed } }
}
