import Synchronization

/// The answer to one operation: resolved by the writer once its transaction commits or fails.
///
/// It is registered in the engine's pending list in the same synchronous step that applied the
/// operation, so no reader can ever see the change without it being on its way to disk.
final class CommitPromise: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Void, any Error>?)
        case done(Result<Void, any Error>)
    }

    private let state = Mutex(State.waiting(nil))

    /// Waits for the commit; throws what the commit threw.
    func wait() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let result: Result<Void, any Error>? = state.withLock { state in
                switch state {
                case .waiting:
                    state = .waiting(continuation)
                    return nil
                case .done(let result):
                    return result
                }
            }
            if let result { continuation.resume(with: result) }
        }
    }

    /// Resolves the promise (once).
    func resolve(_ result: Result<Void, any Error>) {
        let continuation: CheckedContinuation<Void, any Error>? = state.withLock { state in
            guard case .waiting(let continuation) = state else { return nil }
            state = .done(result)
            return continuation
        }
        continuation?.resume(with: result)
    }
}
