import Foundation

extension QueueEvent: Codable {
    enum CodingKeys: String, CodingKey {
        case id, seq, type, at, site, data
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let at = try c.decode(String.self, forKey: .at)
        guard let date = Timestamp.parse(at) else {
            throw DecodingError.dataCorruptedError(forKey: .at, in: c, debugDescription: "not an RFC 3339 time: \(at)")
        }
        self.init(
            id: try c.decode(String.self, forKey: .id), seq: try c.decode(Int64.self, forKey: .seq),
            type: try c.decode(EventType.self, forKey: .type), at: date,
            site: try c.decode(String.self, forKey: .site), data: try c.decode(EventData.self, forKey: .data)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(seq, forKey: .seq)
        try c.encode(type, forKey: .type)
        try c.encode(Timestamp.format(at), forKey: .at)
        try c.encode(site, forKey: .site)
        try c.encode(data, forKey: .data)
    }

    /// The event as one line of JSON (keys sorted), as the event log stores it and SSE and the outbox send it.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and optionals cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
