/// A request with typed params, encoded as ``RPCRequest`` encodes.
struct RequestEnvelope<Params: Encodable>: Encodable {
    let method: String
    let params: Params
    let id: RPCID?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: RPCRequest.CodingKeys.self)
        try c.encode("2.0", forKey: .jsonrpc)
        try c.encode(method, forKey: .method)
        try c.encode(params, forKey: .params)
        try c.encodeIfPresent(id, forKey: .id)
    }
}
