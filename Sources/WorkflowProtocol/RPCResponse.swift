/// A JSON-RPC 2.0 response: the result of a request, or its error.
///
/// The id is the request's; it is nil (`"id": null` on the wire) only for an error about a frame whose id
/// could not be read (a parse error, an invalid request).
public struct RPCResponse: Sendable, Hashable {
    /// The id of the request answered; nil for `"id": null`.
    public var id: RPCID?
    /// The result (any JSON value, `null` included) or the error.
    public var result: Result<JSONValue, RPCError>

    /// A response with either outcome.
    public init(id: RPCID?, result: Result<JSONValue, RPCError>) {
        self.id = id
        self.result = result
    }

    /// A successful response.
    public init(id: RPCID, result: JSONValue) {
        self.init(id: id, result: .success(result))
    }

    /// An error response; `id` nil answers a frame whose id could not be read.
    public init(id: RPCID?, error: RPCError) {
        self.init(id: id, result: .failure(error))
    }

    /// The error, for an error response.
    public var error: RPCError? {
        if case .failure(let error) = result { error } else { nil }
    }

    /// The typed result of a request for `Params.method`: throws the response's error, or, when the result
    /// does not fit `Params.Result`, an ``RPCError/internalError(_:)`` naming the field (made here, not sent
    /// by the peer; its `data` is `{"field": …}`).
    public func decodeResult<Params: WorkflowParams>(for params: Params.Type) throws(RPCError) -> Params.Result {
        try decodeResult(Params.Result.self)
    }

    /// The result decoded as `type`; see ``decodeResult(for:)``.
    public func decodeResult<T: Decodable>(_ type: T.Type) throws(RPCError) -> T {
        switch result {
        case .failure(let error):
            throw error
        case .success(let value):
            do {
                return try value.decode(type)
            } catch let error as DecodingError {
                let problem = DecodingProblem(error, root: "result")
                throw RPCError(
                    code: .internalError, message: "Invalid result: \(problem.sentence)", data: ["field": .string(problem.field)]
                )
            } catch {
                throw RPCError(code: .internalError, message: "Invalid result: \(error)")
            }
        }
    }
}

extension RPCResponse: Encodable {
    enum CodingKeys: String, CodingKey {
        case jsonrpc, id, result, error
    }

    /// Encodes `{"error" | "result", "id", "jsonrpc": "2.0"}`; a nil id is written as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("2.0", forKey: .jsonrpc)
        if let id { try c.encode(id, forKey: .id) } else { try c.encodeNil(forKey: .id) }
        switch result {
        case .success(let value): try c.encode(value, forKey: .result)
        case .failure(let error): try c.encode(error, forKey: .error)
        }
    }
}
