import Foundation
import Synchronization

/// Reads a device on a thread of its own: `read` is called again and again (it waits at most a short
/// while each time), what it returns is yielded, an error ends the stream with it. The thread stops when
/// the consumer stops listening. A blocking read must not hold one of the few threads Swift's concurrency
/// runs on.
enum PollingThread {
    static func stream<Element: Sendable>(
        name: String, read: @escaping @Sendable () throws -> [Element]
    ) -> AsyncThrowingStream<Element, any Error> {
        let (stream, continuation) = AsyncThrowingStream<Element, any Error>.makeStream()
        let stopped = StopFlag()
        continuation.onTermination = { _ in stopped.set() }
        let thread = Thread {
            while !stopped.isSet {
                do {
                    for element in try read() { continuation.yield(element) }
                } catch {
                    continuation.finish(throwing: error)
                    return
                }
            }
            continuation.finish()
        }
        thread.name = name
        thread.start()
        return stream
    }
}

/// Set once, read from any thread.
private final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}
