import Store

/// Every event committed after a given seq, in seq order, none lost and none twice: the daemon's own
/// followers of the queue (the announcer, the LED boards) read it.
///
/// It reads live from the ``EventHub``. When the hub drops it for falling behind, it subscribes again and
/// reads what it missed back from the event log before going on live, so a follower that was slow for a
/// moment (a stuck serial line, a starved machine) still sees every call. It ends when the hub closes
/// (shutdown) or the task reading it is cancelled.
public struct EventFeed: AsyncSequence, Sendable {
    public typealias Element = StoredEvent

    private let hub: EventHub
    private let store: QueueStore
    private let start: Int64
    private let onResume: (@Sendable (_ after: Int64) -> Void)?

    /// The events after `seq` (by default, those committed from now on). `onResume` is told each time the
    /// feed was dropped and reads the log again from the event after `after`.
    public init(hub: EventHub, store: QueueStore, after seq: Int64? = nil, onResume: (@Sendable (_ after: Int64) -> Void)? = nil) {
        self.hub = hub
        self.store = store
        start = seq ?? ((try? store.lastEventSeq()) ?? 0)
        self.onResume = onResume
    }

    /// Subscribes to the hub at once: what is committed from here on waits for the first `next()`.
    public func makeAsyncIterator() -> Iterator {
        Iterator(hub: hub, store: store, last: start, onResume: onResume)
    }

    /// Reads the feed; see ``EventFeed``.
    public struct Iterator: AsyncIteratorProtocol {
        /// How many events are read back from the log at a time.
        static let page = 500
        private let hub: EventHub
        private let store: QueueStore
        /// The seq of the last event handed out.
        private var last: Int64
        private var live: AsyncStream<StoredEvent>.Iterator
        /// Events read back from the log, not yet handed out.
        private var backlog: ArraySlice<StoredEvent> = []
        /// Whether the log may still hold events after `last` that the live stream will not bring.
        private var catchingUp = true
        private let onResume: (@Sendable (_ after: Int64) -> Void)?

        init(hub: EventHub, store: QueueStore, last: Int64, onResume: (@Sendable (_ after: Int64) -> Void)?) {
            self.hub = hub
            self.store = store
            self.last = last
            self.onResume = onResume
            // Subscribed first, read back second: an event committed in between is in both, and the live
            // copy is skipped by its seq.
            live = hub.subscribe().makeAsyncIterator()
        }

        public mutating func next() async -> StoredEvent? {
            while !Task.isCancelled, !hub.isClosed {
                if let event = backlog.popFirst() {
                    last = event.seq
                    return event
                }
                if catchingUp {
                    do {
                        let page = try store.events(after: last, limit: Self.page)
                        backlog = page[...]
                        // A short page is the end of the log: the rest comes live.
                        catchingUp = page.count == Self.page
                    } catch {
                        // The log cannot be read now (the disk is busy, say): try again in a moment rather
                        // than skip what it holds.
                        try? await Task.sleep(for: .seconds(1))
                    }
                    continue
                }
                guard let event = await live.next() else {
                    // A live stream also ends when the task reading it is cancelled: that is no drop either.
                    guard !hub.isClosed, !Task.isCancelled else { return nil }
                    // Dropped by the hub for lagging: subscribe again and read the gap back from the log.
                    onResume?(last)
                    live = hub.subscribe().makeAsyncIterator()
                    catchingUp = true
                    continue
                }
                guard event.seq > last else { continue }
                last = event.seq
                return event
            }
            return nil
        }
    }
}
