import Store
import Synchronization

/// Fans committed events out to live subscribers (SSE clients, later the announcer and LED boards).
///
/// A subscriber that falls too far behind is dropped rather than slowing the queue: its stream ends
/// and it resumes from the event log with `Last-Event-ID`, so it misses nothing.
public final class EventHub: Sendable {
    private struct Subscribers {
        var next = 0
        var streams: [Int: AsyncStream<StoredEvent>.Continuation] = [:]
    }

    private let subscribers = Mutex(Subscribers())
    private let buffer: Int

    /// - Parameter buffer: events a subscriber may lag behind before it is dropped.
    public init(buffer: Int = 4096) {
        self.buffer = buffer
    }

    /// A stream of the events committed from now on, in seq order.
    public func subscribe() -> AsyncStream<StoredEvent> {
        let (stream, continuation) = AsyncStream<StoredEvent>.makeStream(bufferingPolicy: .bufferingOldest(buffer))
        let id = subscribers.withLock { state in
            state.next += 1
            state.streams[state.next] = continuation
            return state.next
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

    /// Ends every subscription (shutdown).
    public func finishAll() {
        let streams = subscribers.withLock { Array($0.streams.values) }
        for continuation in streams { continuation.finish() }
    }
}
