/// A successful response with a typed result, encoded as ``RPCResponse`` encodes.
struct ResultEnvelope<Result: Encodable>: Encodable {
    let result: Result
    let id: RPCID

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: RPCResponse.CodingKeys.self)
        try c.encode("2.0", forKey: .jsonrpc)
        try c.encode(id, forKey: .id)
        try c.encode(result, forKey: .result)
    }
}
