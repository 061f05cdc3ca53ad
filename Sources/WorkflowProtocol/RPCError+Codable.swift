extension RPCError: Codable {
    enum CodingKeys: String, CodingKey {
        case code, message, data
    }

    /// Decodes `{"code": int, "message": string, "data"?: any}`; a `data` written as `null` stays `.null`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Not `contains ? decode : nil`: there `nil` would be the JSONValue `.null` (JSONValue is
        // ExpressibleByNilLiteral), and absent data would come back as `null`.
        var data: JSONValue?
        if c.contains(.data) { data = try c.decode(JSONValue.self, forKey: .data) }
        self.init(code: try c.decode(Code.self, forKey: .code), message: try c.decode(String.self, forKey: .message), data: data)
    }

    /// Encodes `{"code", "message", "data"}`, leaving `data` out when it is nil.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(data, forKey: .data)
    }
}
