import Foundation
import Logging
import QueueCore
import Store

/// The single writer of the office's queue.
///
/// Each operation is applied at once to the working copy of the ``QueueState`` (so numbers are
/// handed out in arrival order), then waits until its change is on disk. Operations that arrive while
/// a commit is running are committed together in the next transaction (group commit). Only then does
/// the committed copy, the one readers see, absorb the changes; then the operations are answered and
/// their events published. Nobody hears of a change before it is on disk. When a commit fails, the
/// working copy goes back to the committed one (what the disk holds) and every operation not yet
/// committed fails: nothing that was acknowledged is lost, nothing that failed was told to anyone.
public actor QueueEngine {
    /// The store behind the engine.
    public nonisolated let store: QueueStore
    /// Where committed events go.
    public nonisolated let hub: EventHub
    /// The metrics the engine feeds.
    public nonisolated let metrics: OfficeMetrics
    private let clock: @Sendable () -> Date
    private let logger: Logger
    /// The working copy: every operation applied so far, committed or not.
    private var state: QueueState
    /// What is on disk: the copy readers see.
    private var committed: QueueState

    private struct Pending {
        var change: QueueChange
        var promise: CommitPromise?
    }

    /// Changes applied in memory and not yet given to the store.
    private var pending: [Pending] = []
    /// Whether a commit is running.
    private var flushing = false
    /// Callers of ``drain()`` waiting for the writer to go idle.
    private var drainers: [CheckedContinuation<Void, Never>] = []

    /// Loads the state to resume from `store`.
    public init(
        store: QueueStore, settings: QueueSettings, hub: EventHub = EventHub(), metrics: OfficeMetrics = OfficeMetrics(),
        logger: Logger = Logger(label: "motcua.queue"), clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.store = store
        self.hub = hub
        self.metrics = metrics
        self.clock = clock
        self.logger = logger
        self.state = try store.loadState(settings: settings, now: clock())
        self.committed = state
        deliveredThrough = state.lastEventSeq - Int64(try store.outboxPending())
        metrics.setOutboxPending(Int(state.lastEventSeq - deliveredThrough))
    }

    /// The engine's clock (the real one, or a test's).
    public nonisolated func now() -> Date { clock() }

    // MARK: Operations

    /// Applies an operation and returns once it is durable.
    ///
    /// - Throws: ``QueueError`` when the queue refuses it (nothing changed), ``StorageFailure`` when it
    ///   could not be stored (nothing changed either).
    public func perform(_ operation: QueueOperation) async throws -> OperationOutcome {
        let now = clock()
        let advanced = state.advance(to: now)
        if !advanced.isEmpty { pending.append(Pending(change: advanced, promise: nil)) }
        let change: QueueChange
        do {
            change = try state.apply(operation, now: now)
        } catch {
            if !advanced.isEmpty { startFlushing() }
            throw error
        }
        let outcome = outcome(of: operation, change)
        if change.isEmpty && advanced.isEmpty { return outcome }
        let promise = CommitPromise()
        pending.append(Pending(change: change, promise: promise))
        startFlushing()
        try await promise.wait()
        return outcome
    }

    /// Lets time pass: opens or closes the day when its hour has come.
    public func tick() async throws {
        _ = try await perform(.tick)
    }

    /// Reads the committed state: what is on disk, including every operation already answered.
    public func read<T: Sendable>(_ body: @Sendable (QueueState) -> T) -> T {
        body(committed)
    }

    /// Waits until everything applied so far is on disk (or has failed).
    public func drain() async {
        guard flushing || !pending.isEmpty else { return }
        await withCheckedContinuation { drainers.append($0) }
    }

    private func outcome(of operation: QueueOperation, _ change: QueueChange) -> OperationOutcome {
        guard let ticket = change.ticket else { return OperationOutcome(ticket: nil, ahead: nil, estimatedWait: nil) }
        if case .issue = operation {
            let ahead = max(0, state.waitingCount(service: ticket.service) - 1)
            return OperationOutcome(ticket: state.view(ticket), ahead: ahead, estimatedWait: state.estimatedWait(service: ticket.service, ahead: ahead))
        }
        return OperationOutcome(ticket: state.view(ticket), ahead: nil, estimatedWait: nil)
    }

    // MARK: Group commit

    private func startFlushing() {
        guard !flushing, !pending.isEmpty else { return }
        flushing = true
        Task { await self.flush() }
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let changes = batch.map(\.change)
            do {
                let stored = try await store.commit(changes)
                for change in changes { committed.absorb(change) }
                hub.publish(stored)
                account(changes, publishedAt: clock())
                for item in batch { item.promise?.resolve(.success(())) }
            } catch let commitError {
                logger.error("commit failed, reloading the state from disk", metadata: ["error": "\(commitError)"])
                let failed = batch + pending
                pending = []
                state = committed
                for item in failed { item.promise?.resolve(.failure(StorageFailure(underlying: commitError))) }
            }
        }
        flushing = false
        let waiting = drainers
        drainers = []
        for drainer in waiting { drainer.resume() }
    }

    private func account(_ changes: [QueueChange], publishedAt now: Date) {
        var events = 0
        for change in changes {
            events += change.events.count
            for event in change.events {
                switch event.type {
                case .ticketIssued:
                    if let service = event.data.ticket?.service { metrics.ticketIssued(service: service) }
                case .ticketCalled, .ticketRecalled:
                    if let counter = event.data.counter {
                        metrics.called(counter: counter)
                        metrics.callPushed(after: now.timeIntervalSince(event.at))
                    }
                default:
                    break
                }
            }
        }
        if events > 0 { metrics.setOutboxPending(Int(committed.lastEventSeq - deliveredThrough)) }
    }

    /// Notes that the workflow core acknowledged every event up to `seq` (the workflow link has removed
    /// them from the outbox), for the outbox gauge.
    public func outboxDelivered(through seq: Int64) {
        deliveredThrough = max(deliveredThrough, min(seq, committed.lastEventSeq))
        metrics.setOutboxPending(Int(committed.lastEventSeq - deliveredThrough))
    }

    /// The seq up to which the outbox is empty: events after it wait for the workflow core. The outbox
    /// only ever loses its oldest rows, so what waits is exactly the events after this one.
    private var deliveredThrough: Int64
}
