import Foundation
import WorkflowProtocol

/// A `display.notice` the core stored (``WorkflowStore``) for the daemons it knew when the notice was
/// made: it waits for each of them until that daemon answers it with a result, for at most
/// ``WorkflowStore/noticeLifetime``.
public struct WorkflowNotice: Sendable, Hashable {
    /// The notice's number in the store, in creation order.
    public let id: Int64
    /// What the daemons are told.
    public let params: DisplayNoticeParams
    /// When the core made it (the core's clock).
    public let createdAt: Date

    /// A stored notice.
    public init(id: Int64, params: DisplayNoticeParams, createdAt: Date) {
        self.id = id
        self.params = params
        self.createdAt = createdAt
    }

    /// The id of the `display.notice` request that carries it: `"n-<id>"`. A connection belongs to one
    /// daemon, so the answer on that connection names the notice and the daemon.
    public var requestID: RPCID { .string("n-\(id)") }

    /// The notice number a request id names (`"n-12"` → 12); nil for any other id.
    public static func noticeID(of requestID: RPCID) -> Int64? {
        guard case .string(let text) = requestID, text.hasPrefix("n-"), let number = Int64(text.dropFirst(2)), number > 0 else {
            return nil
        }
        return number
    }
}
