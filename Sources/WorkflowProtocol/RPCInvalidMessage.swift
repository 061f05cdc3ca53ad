/// Why a frame is not a message this protocol accepts, and whether and how to answer it.
///
/// Answer with ``reply`` when it is not nil. It is nil for what looked like a response or a notification:
/// JSON-RPC never answers a notification, and answering a broken response could make two peers answer each
/// other for ever. Log those instead.
public struct RPCInvalidMessage: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON-RPC error that says what is wrong.
    public let error: RPCError
    /// The frame's id when it could be read, so the answer reaches the right request; else nil (`null`).
    public let id: RPCID?
    /// Whether the sender expects an answer.
    public let expectsReply: Bool

    /// A refusal; by default one to answer with a `null` id.
    public init(_ error: RPCError, id: RPCID? = nil, expectsReply: Bool = true) {
        self.error = error
        self.id = id
        self.expectsReply = expectsReply
    }

    /// The error response to send back, or nil when none should be sent.
    public var reply: RPCResponse? {
        expectsReply ? RPCResponse(id: id, error: error) : nil
    }

    /// The refusal of a line longer than the frame limit: `-32600`, answered with a `null` id.
    public static func frameTooLarge(limit: Int) -> RPCInvalidMessage {
        RPCInvalidMessage(.invalidRequest("frame longer than \(limit) bytes; discarded up to its line end"))
    }

    /// The refusal of a line that is not UTF-8: `-32700`, answered with a `null` id.
    public static let invalidUTF8 = RPCInvalidMessage(.parseError("frame is not valid UTF-8"))

    /// The error, as text for a log.
    public var description: String {
        error.description
    }
}
