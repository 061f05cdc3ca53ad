/// The id of a JSON-RPC request: an integer or a string, echoed by its response.
///
/// A number with a fraction, `null`, or anything else is not an id this protocol accepts: a request with a
/// `null` id is refused as an invalid request (leave the id out to send a notification). A response may
/// carry a `null` id, which ``RPCResponse`` holds as a missing id.
public enum RPCID: Sendable, Hashable, CustomStringConvertible {
    /// An integer id (`"id": 7`).
    case number(Int64)
    /// A string id (`"id": "a7"`).
    case string(String)

    /// The id a JSON value is: an integer (exact; `7.0` is 7) or a string; nil for anything else.
    public init?(_ value: JSONValue) {
        switch value {
        case .string(let string): self = .string(string)
        case .int, .double:
            guard let integer = value.intValue else { return nil }
            self = .number(integer)
        default: return nil
        }
    }

    /// The id as a JSON value.
    public var json: JSONValue {
        switch self {
        case .number(let number): .int(number)
        case .string(let string): .string(string)
        }
    }

    /// The id as JSON text: `7` or `"a7"`.
    public var description: String {
        switch self {
        case .number(let number): String(number)
        case .string(let string): "\"\(string)\""
        }
    }
}

extension RPCID: Codable {
    /// Decodes an integer or a string id.
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        guard let id = RPCID(value) else {
            throw DecodingError.typeMismatch(
                RPCID.self,
                .init(codingPath: decoder.codingPath, debugDescription: "an id is an integer or a string, not \(value.kindDescription)")
            )
        }
        self = id
    }

    /// Encodes the id as a JSON number or string.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}

extension RPCID: ExpressibleByIntegerLiteral {
    /// An integer literal is a ``number(_:)`` id.
    public init(integerLiteral value: Int64) {
        self = .number(value)
    }
}

extension RPCID: ExpressibleByStringLiteral {
    /// A string literal is a ``string(_:)`` id.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
