/// Writes messages as frames: the JSON of ``WireJSON`` (compact, keys sorted, one line) and `\n`.
///
/// Refuses, with ``FrameEncodingError/tooLarge(byteCount:limit:)``, a message whose JSON is longer than the
/// limit, so a peer's ``FrameDecoder`` never has to drop what this end sends. Typed params and results are
/// encoded straight into the frame, without building a ``JSONValue`` first.
public struct FrameEncoder: Sendable {
    /// The most bytes a frame may have before its `\n`.
    public let limit: Int

    /// An encoder with the given limit (by default the protocol's 1 MiB).
    public init(limit: Int = FrameLimit.bytes) {
        precondition(limit > 0, "a frame limit must be positive")
        self.limit = limit
    }

    /// The frame of a message.
    public func encode(_ message: RPCMessage) throws(FrameEncodingError) -> [UInt8] {
        try frame(message)
    }

    /// The frame of a request (or, with a nil id, a notification) for a method of the protocol.
    public func encodeRequest<Params: WorkflowParams>(_ params: Params, id: RPCID?) throws(FrameEncodingError) -> [UInt8] {
        try frame(RequestEnvelope(method: Params.method.rawValue, params: params, id: id))
    }

    /// The frame of a request with any method name; `params` should encode to a JSON object.
    public func encodeRequest(method: String, params: some Encodable & Sendable, id: RPCID?) throws(FrameEncodingError) -> [UInt8] {
        try frame(RequestEnvelope(method: method, params: params, id: id))
    }

    /// The frame of a successful response.
    public func encodeResult(_ result: some Encodable & Sendable, id: RPCID) throws(FrameEncodingError) -> [UInt8] {
        try frame(ResultEnvelope(result: result, id: id))
    }

    /// The frame of an error response; a nil id is written as `null`.
    public func encodeError(_ error: RPCError, id: RPCID?) throws(FrameEncodingError) -> [UInt8] {
        try frame(RPCResponse(id: id, error: error))
    }

    private func frame(_ value: some Encodable) throws(FrameEncodingError) -> [UInt8] {
        var bytes: [UInt8]
        do {
            bytes = try WireJSON.encode(value)
        } catch {
            throw .unencodable(detail: "\(error)")
        }
        guard bytes.count <= limit else { throw .tooLarge(byteCount: bytes.count, limit: limit) }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
