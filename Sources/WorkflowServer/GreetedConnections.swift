import Synchronization
import WorkflowCore
import WorkflowProtocol

/// The connections whose daemon said hello, each with its mailbox (the notices the core sends it of its own
/// accord as they are made, which that connection's task writes to the socket whole, one frame a write, so
/// they never interleave with its answers) and the notices sent on it and not refused.
///
/// Posting never waits: a daemon that does not read fills its mailbox, and what does not fit is dropped; a
/// notice is stored until its daemon answers it, so a dropped one goes out again on the daemon's next hello.
/// A notice goes out at most once on a connection unless the daemon refused it (then again on the next
/// hello), so a notice made while its daemon's hello is being answered is not sent twice. Request ids are
/// ``WorkflowNotice/requestID`` (`"n-<notice id>"`).
final class GreetedConnections: Sendable {
    /// A greeted connection's daemon, mailbox and the notices sent on it.
    private struct Mailbox {
        let daemonID: String
        let frames: AsyncStream<[UInt8]>.Continuation
        var sent: Set<Int64> = []
        /// When it was greeted, in greeting order.
        var order = 0
    }

    /// One notice posted to one daemon, for the log.
    struct Delivery: Sendable {
        /// The request's id (`"n-3"`).
        let id: RPCID
        /// The daemon it went to.
        let daemonID: String
        /// Whether it fit in the daemon's mailbox.
        let posted: Bool
    }

    private let state = Mutex([ObjectIdentifier: Mailbox]())
    private let greetings = Atomic<Int>(0)

    /// Records that the daemon `daemonID` said hello on `connection`, whose task writes what `frames` yields.
    /// A second hello on the connection keeps what was sent on it.
    func greet(_ connection: ObjectIdentifier, daemonID: String, frames: AsyncStream<[UInt8]>.Continuation) {
        state.withLock { mailboxes in
            let sent = mailboxes[connection].flatMap { $0.daemonID == daemonID ? $0.sent : nil } ?? []
            let order = greetings.add(1, ordering: .relaxed).newValue
            mailboxes[connection] = Mailbox(daemonID: daemonID, frames: frames, sent: sent, order: order)
        }
    }

    /// Forgets `connection` (closed).
    func forget(_ connection: ObjectIdentifier) {
        _ = state.withLock { $0.removeValue(forKey: connection) }
    }

    /// Posts `notice` as a `display.notice` request to every greeted connection that has not had it.
    /// A notice that cannot be encoded is not sent (``FrameEncodingError``).
    func post(_ notice: WorkflowNotice, encoder: FrameEncoder = FrameEncoder()) throws(FrameEncodingError) -> [Delivery] {
        let frame = try encoder.encodeRequest(notice.params, id: notice.requestID)
        return state.withLock { mailboxes in
            var deliveries: [Delivery] = []
            for (connection, mailbox) in mailboxes where !mailbox.sent.contains(notice.id) {
                let posted: Bool
                switch mailbox.frames.yield(frame) {
                case .enqueued: posted = true
                case .dropped, .terminated: posted = false
                @unknown default: posted = false
                }
                if posted { mailboxes[connection]?.sent.insert(notice.id) }
                deliveries.append(Delivery(id: notice.requestID, daemonID: mailbox.daemonID, posted: posted))
            }
            return deliveries
        }
    }

    /// Posts `frame` (a request of the core's own, such as a `print.document`) to the daemon greeted most
    /// recently, once; returns that daemon's id, or nil when no daemon is greeted or its mailbox is full.
    func postToOne(_ frame: [UInt8]) -> String? {
        state.withLock { mailboxes in
            guard let newest = mailboxes.values.max(by: { $0.order < $1.order }) else { return nil }
            switch newest.frames.yield(frame) {
            case .enqueued: return newest.daemonID
            case .dropped, .terminated: return nil
            @unknown default: return nil
            }
        }
    }

    /// Of `notices` (waiting for the daemon greeted on `connection`), the ones not yet sent on it, now
    /// counted as sent: the caller writes them.
    func claim(_ notices: [WorkflowNotice], on connection: ObjectIdentifier) -> [WorkflowNotice] {
        state.withLock { mailboxes in
            guard mailboxes[connection] != nil else { return [] }
            return notices.filter { notice in mailboxes[connection]?.sent.insert(notice.id).inserted ?? false }
        }
    }

    /// Notice `noticeID` was not written on `connection` after all, or its daemon refused it: it may go out
    /// again (on the next hello).
    func release(_ noticeID: Int64, on connection: ObjectIdentifier) {
        state.withLock { mailboxes in _ = mailboxes[connection]?.sent.remove(noticeID) }
    }

    /// Whether notice `noticeID` was sent on `connection`, so an answer naming it is the answer of its daemon.
    func wasSent(_ noticeID: Int64, on connection: ObjectIdentifier) -> Bool {
        state.withLock { $0[connection]?.sent.contains(noticeID) ?? false }
    }
}
