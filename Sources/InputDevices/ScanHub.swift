import Foundation
import Synchronization

/// Hands each scanned line to the lookup pages open for its kiosk, as it happens; nothing is kept (a page
/// opened later does not get an old scan).
public final class ScanHub: Sendable {
    private struct Subscriber {
        let kiosk: String
        let continuation: AsyncStream<ScannedCode>.Continuation
    }

    private let subscribers = Mutex<[UUID: Subscriber]>([:])
    private let finished = Mutex(false)
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
        if finished.withLock({ $0 }) {
            continuation.finish()
            return stream
        }
        subscribers.withLock { $0[id] = Subscriber(kiosk: kiosk, continuation: continuation) }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `scan` to its kiosk's pages; returns how many were listening.
    @discardableResult
    public func publish(_ scan: ScannedCode) -> Int {
        let listening = subscribers.withLock { $0.values.filter { $0.kiosk == scan.kiosk } }
        for subscriber in listening { subscriber.continuation.yield(scan) }
        return listening.count
    }

    /// Ends every stream (the daemon is stopping), so the pages' connections close.
    public func finish() {
        finished.withLock { $0 = true }
        let all = subscribers.withLock { subscribers in
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for subscriber in all { subscriber.continuation.finish() }
    }
}
