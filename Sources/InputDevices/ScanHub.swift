import Foundation
import Synchronization

/// Hands each scanned line to the lookup pages open for its kiosk, as it happens; nothing is kept (a page
/// opened later does not get an old scan).
public final class ScanHub: Sendable {
    private struct Subscriber {
        let kiosk: String
        let continuation: AsyncStream<ScannedCode>.Continuation
    }

    /// The open streams, and whether the hub has finished (then no new stream stays open).
    private let state = Mutex<(finished: Bool, subscribers: [UUID: Subscriber])>((false, [:]))
    /// The kiosks that have a scanner.
    public let kiosks: Set<String>

    /// A hub for the scanners of `kiosks`.
    public init(kiosks: Set<String>) {
        self.kiosks = kiosks
    }

    /// The scans at `kiosk` from now on, until the hub finishes.
    public func subscribe(kiosk: String) -> AsyncStream<ScannedCode> {
        let (stream, continuation) = AsyncStream<ScannedCode>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = UUID()
        let added = state.withLock { state in
            guard !state.finished else { return false }
            state.subscribers[id] = Subscriber(kiosk: kiosk, continuation: continuation)
            return true
        }
        guard added else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `scan` to its kiosk's pages; returns how many were listening.
    @discardableResult
    public func publish(_ scan: ScannedCode) -> Int {
        let listening = state.withLock { $0.subscribers.values.filter { $0.kiosk == scan.kiosk } }
        for subscriber in listening { subscriber.continuation.yield(scan) }
        return listening.count
    }

    /// Ends every stream (the daemon is stopping), so the pages' connections close.
    public func finish() {
        let all = state.withLock { state in
            state.finished = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in all { subscriber.continuation.finish() }
    }
}
