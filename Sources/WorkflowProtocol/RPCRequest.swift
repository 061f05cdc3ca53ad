/// A JSON-RPC 2.0 request, or a notification when it has no id.
///
/// Params are always an object (by-name); a request without `params` has the empty object. A notification
/// gets no response, not even an error.
public struct RPCRequest: Sendable, Hashable {
    /// The method's name, as sent: it may be one the receiver does not know (see ``WorkflowMethod``).
    public var method: String
    /// The params, not yet checked against the method (see ``decodeParams(_:)``).
    public var params: [String: JSONValue]
    /// The id its response must carry; nil for a notification.
    public var id: RPCID?

    /// A request (or, with a nil id, a notification) with untyped params.
    public init(method: String, params: [String: JSONValue] = [:], id: RPCID?) {
        self.method = method
        self.params = params
        self.id = id
    }

    /// A request for a method of the protocol with typed params; throws `EncodingError` when the params
    /// hold what JSON cannot (NaN).
    public init<Params: WorkflowParams>(_ params: Params, id: RPCID?) throws {
        guard case .object(let object) = try JSONValue(encoding: params) else {
            throw EncodingError.invalidValue(params, .init(codingPath: [], debugDescription: "params must encode to an object"))
        }
        self.init(method: Params.method.rawValue, params: object, id: id)
    }

    /// Whether this is a notification (no id, no response).
    public var isNotification: Bool { id == nil }
}

extension RPCRequest: Encodable {
    enum CodingKeys: String, CodingKey {
        case jsonrpc, method, params, id
    }

    /// Encodes `{"id"?, "jsonrpc": "2.0", "method", "params"}`; `id` is left out for a notification.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("2.0", forKey: .jsonrpc)
        try c.encode(method, forKey: .method)
        try c.encode(params, forKey: .params)
        try c.encodeIfPresent(id, forKey: .id)
    }
}
