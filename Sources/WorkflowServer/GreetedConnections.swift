import Synchronization
import WorkflowProtocol

/// The connections whose daemon said `session.hello`, each with its mailbox: the frames the core sends it
/// of its own accord (`display.notice` requests), which that connection's task writes to the socket whole,
/// one frame a write, so they never interleave with its answers.
///
/// Posting never waits: a daemon that does not read fills its mailbox, and what does not fit is dropped
/// (the daemon still sees the dossier's status when it looks it up). Request ids are `"n-1"`, `"n-2"`, …,
/// counting over the whole server.
final class GreetedConnections: Sendable {
    /// A greeted connection's daemon and mailbox.
    private struct Mailbox {
        let daemonID: String
        let frames: AsyncStream<[UInt8]>.Continuation
    }

    /// One frame posted to one daemon, for the log.
    struct Delivery: Sendable {
        /// The request's id (`"n-3"`).
        let id: RPCID
        /// The daemon it went to.
        let daemonID: String
        /// Whether it fit in the daemon's mailbox.
        let posted: Bool
    }

    private struct State {
        var mailboxes: [ObjectIdentifier: Mailbox] = [:]
        var lastID = 0
    }

    private let state = Mutex(State())

    /// Records that the daemon `daemonID` said hello on `connection`, whose task writes what `frames` yields.
    func greet(_ connection: ObjectIdentifier, daemonID: String, frames: AsyncStream<[UInt8]>.Continuation) {
        state.withLock { $0.mailboxes[connection] = Mailbox(daemonID: daemonID, frames: frames) }
    }

    /// Forgets `connection` (closed).
    func forget(_ connection: ObjectIdentifier) {
        _ = state.withLock { $0.mailboxes.removeValue(forKey: connection) }
    }

    /// Posts a `display.notice` request with `params` to every greeted connection, each with the next id.
    /// A notice that cannot be encoded is not sent (``FrameEncodingError``).
    func post(_ params: DisplayNoticeParams, encoder: FrameEncoder = FrameEncoder()) throws(FrameEncodingError) -> [Delivery] {
        let recipients = state.withLock { state in
            state.mailboxes.values.map { mailbox in
                state.lastID += 1
                return (RPCID.string("n-\(state.lastID)"), mailbox)
            }
        }
        var deliveries: [Delivery] = []
        for (id, mailbox) in recipients {
            let frame = try encoder.encodeRequest(params, id: id)
            let posted: Bool
            switch mailbox.frames.yield(frame) {
            case .enqueued: posted = true
            case .dropped, .terminated: posted = false
            @unknown default: posted = false
            }
            deliveries.append(Delivery(id: id, daemonID: mailbox.daemonID, posted: posted))
        }
        return deliveries
    }
}
