import NIOCore
import Synchronization
import WorkflowProtocol

/// One open connection to the workflow core: writes whole frames, and matches the core's responses to the
/// calls waiting for them. The read side belongs to ``WorkflowLink``, which hands every response to
/// ``resolve(_:)`` and calls ``close()`` when the connection ends.
final class CoreConnection: Sendable {
    private struct State {
        var nextID: Int64 = 1
        var waiting: [RPCID: Waiting] = [:]
        var closed = false
        var greeted = false
    }

    private struct Waiting {
        var continuation: CheckedContinuation<RPCResponse, any Error>
        var timer: Task<Void, any Error>
    }

    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let state = Mutex(State())

    init(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.outbound = outbound
    }

    /// A fresh request id on this connection.
    func makeID() -> RPCID {
        state.withLock { state in
            defer { state.nextID += 1 }
            return .number(state.nextID)
        }
    }

    /// Writes one whole frame (a line ending in `\n`).
    func write(_ frame: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: frame))
    }

    /// Sends the request `frame` whose id is `id` and waits for its response, at most `timeout`.
    ///
    /// - Throws: ``WorkflowLinkError`` when the connection is closed or closes, or no answer comes in time.
    func call(_ frame: [UInt8], id: RPCID, method: String, timeout: Duration) async throws -> RPCResponse {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = state.withLock { state in
                guard !state.closed else { return false }
                let timer = Task {
                    try await Task.sleep(for: timeout)
                    self.fail(id, with: WorkflowLinkError.timedOut(method: method, after: timeout))
                }
                state.waiting[id] = Waiting(continuation: continuation, timer: timer)
                return true
            }
            guard accepted else {
                continuation.resume(throwing: WorkflowLinkError.disconnected)
                return
            }
            Task {
                do {
                    try await self.write(frame)
                } catch {
                    self.fail(id, with: WorkflowLinkError.disconnected)
                }
            }
        }
    }

    /// Hands a response to the call waiting for it; false when none waits (late or unknown id).
    @discardableResult
    func resolve(_ response: RPCResponse) -> Bool {
        guard let id = response.id else { return false }
        guard let waiting = state.withLock({ $0.waiting.removeValue(forKey: id) }) else { return false }
        waiting.timer.cancel()
        waiting.continuation.resume(returning: response)
        return true
    }

    /// Fails the call waiting for `id`, if it still waits.
    private func fail(_ id: RPCID, with error: any Error) {
        guard let waiting = state.withLock({ $0.waiting.removeValue(forKey: id) }) else { return }
        waiting.timer.cancel()
        waiting.continuation.resume(throwing: error)
    }

    /// Marks the connection closed and fails every call still waiting.
    func close() {
        let waiting = state.withLock { state in
            state.closed = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for call in waiting {
            call.timer.cancel()
            call.continuation.resume(throwing: WorkflowLinkError.disconnected)
        }
    }

    /// Notes that the core answered `session.hello` on this connection.
    func markGreeted() {
        state.withLock { $0.greeted = true }
    }

    /// Whether the core answered `session.hello` on this connection.
    var isGreeted: Bool { state.withLock { $0.greeted } }

    /// Whether ``close()`` was called.
    var isClosed: Bool { state.withLock { $0.closed } }
}
