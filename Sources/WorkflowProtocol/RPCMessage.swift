/// One frame of the workflow socket, classified: a request (expects a response), a notification (has no
/// id, gets no response) or a response.
///
/// Decode a frame with ``init(frame:)``; it refuses, with the JSON-RPC error to answer, anything else:
/// - text that is not JSON: `-32700`. JSON is read strictly (``JSONValue/init(parsing:)``): a repeated key
///   in an object, a trailing comma or more than 512 levels of nesting is not JSON either;
/// - JSON that is not an object: `-32600`. **Batches (a JSON array of messages) are not supported** and are
///   refused as a whole with `-32600` "batches are not supported": send one message per line instead;
/// - `"jsonrpc"` missing or not `"2.0"`, a `method` that is not a non-empty string, an id that is not an
///   integer or a string (`"id": null` in a request included: leave the id out for a notification),
///   `params` that is not an object, a message with `method` and `result`/`error`, a response with both or
///   without an id, an error object without an integer `code` and a string `message`: `-32600`;
/// - `params` given as an array (by position): `-32602`, since every method here takes named params.
///
/// Members the protocol does not know are ignored. Encoding (`Encodable`) gives the wire form of
/// ``WireJSON``; use ``FrameEncoder`` to make a frame of it.
public enum RPCMessage: Sendable, Hashable {
    /// A request with an id: the receiver answers with an ``RPCResponse`` carrying that id.
    case request(RPCRequest)
    /// A request without an id: the receiver never answers it, not even with an error.
    case notification(RPCRequest)
    /// The answer to a request sent earlier.
    case response(RPCResponse)

    /// A request or a notification, by whether `request` has an id.
    public init(_ request: RPCRequest) {
        self = request.id == nil ? .notification(request) : .request(request)
    }

    /// Decodes and classifies one frame (UTF-8 JSON text, without its line end), as ``FrameDecoder`` gives it.
    public init(frame: some Collection<UInt8>) throws(RPCInvalidMessage) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: frame)
        } catch {
            throw RPCInvalidMessage(.parseError("not JSON: \(error)"))
        }
        try self.init(json: value)
    }

    /// Classifies a parsed JSON value (see the rules above).
    public init(json: JSONValue) throws(RPCInvalidMessage) {
        guard case .object(let members) = json else {
            if case .array = json {
                throw RPCInvalidMessage(.invalidRequest("batches are not supported; send one message per line"))
            }
            throw RPCInvalidMessage(.invalidRequest("a message is a JSON object, not \(json.kindDescription)"))
        }
        self = try Self.classify(members)
    }

    /// The id of the request, or of the request the response answers.
    public var id: RPCID? {
        switch self {
        case .request(let request), .notification(let request): request.id
        case .response(let response): response.id
        }
    }
}
