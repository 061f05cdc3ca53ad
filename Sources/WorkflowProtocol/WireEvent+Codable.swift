import Foundation

extension WireEvent: Codable {
    private static let known: Set<String> = ["id", "seq", "type", "at", "site", "data"]

    /// Decodes and checks an event: `id` a UUID, `seq` at least 1, `type` not empty, `at` RFC 3339 with an
    /// offset (or `Z`), `data` an object. Other members go to ``extra``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        func bad(_ key: String, _ why: String) -> DecodingError {
            .dataCorruptedError(forKey: AnyCodingKey(key), in: c, debugDescription: why)
        }
        id = try c.decode(String.self, forKey: AnyCodingKey("id"))
        guard UUID(uuidString: id) != nil else { throw bad("id", "not a UUID: \(id)") }
        seq = try c.decode(Int64.self, forKey: AnyCodingKey("seq"))
        guard seq >= 1 else { throw bad("seq", "\(seq) is out of range: must be at least 1") }
        type = try c.decode(String.self, forKey: AnyCodingKey("type"))
        guard !type.isEmpty else { throw bad("type", "must not be empty") }
        at = try c.decode(String.self, forKey: AnyCodingKey("at"))
        guard RFC3339.isValid(at) else { throw bad("at", "not an RFC 3339 time with an offset: \(at)") }
        site = try c.decode(String.self, forKey: AnyCodingKey("site"))
        data = try c.decode([String: JSONValue].self, forKey: AnyCodingKey("data"))
        var extra: [String: JSONValue] = [:]
        for key in c.allKeys where !Self.known.contains(key.stringValue) {
            extra[key.stringValue] = try c.decode(JSONValue.self, forKey: key)
        }
        self.extra = extra
    }

    /// Encodes the event with its ``extra`` members (a member of `extra` never replaces a named one).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in extra where !Self.known.contains(key) {
            try c.encode(value, forKey: AnyCodingKey(key))
        }
        try c.encode(id, forKey: AnyCodingKey("id"))
        try c.encode(seq, forKey: AnyCodingKey("seq"))
        try c.encode(type, forKey: AnyCodingKey("type"))
        try c.encode(at, forKey: AnyCodingKey("at"))
        try c.encode(site, forKey: AnyCodingKey("site"))
        try c.encode(data, forKey: AnyCodingKey("data"))
    }

    /// Decodes an event from its JSON text (one line of the daemon's event log, or of an outbox row).
    public init(json: some Collection<UInt8>) throws {
        self = try WireJSON.decode(WireEvent.self, from: json)
    }

    /// The event as JSON text in the wire form (compact, keys sorted): byte for byte what the daemon's
    /// event log stores for it.
    public func json() throws -> String {
        try WireJSON.string(self)
    }
}
