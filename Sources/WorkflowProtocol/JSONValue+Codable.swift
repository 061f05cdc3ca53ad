extension JSONValue: Codable {
    /// Decodes any JSON value; see ``JSONValue`` for how numbers are told apart.
    public init(from decoder: any Decoder) throws {
        // Decoding params from a tree already built: take the value as it is.
        if let tree = decoder as? JSONValueDecoder {
            self = tree.value
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let string = try? c.decode(String.self) {
            self = .string(string)
        } else if let object = try? c.decode([String: JSONValue].self) {
            self = .object(object)
        } else if let integer = try? c.decode(Int64.self) {
            // `-0` decodes as the integer 0: keep the sign it was written with.
            if integer == 0, let double = try? c.decode(Double.self), double.sign == .minus {
                self = .double(double)
            } else {
                self = .int(integer)
            }
        } else if let double = try? c.decode(Double.self) {
            self = .double(double)
        } else if let bool = try? c.decode(Bool.self) {
            self = .bool(bool)
        } else if let array = try? c.decode([JSONValue].self) {
            self = .array(array)
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a JSON value the protocol can hold")
        }
    }

    /// Encodes the value; a non-finite ``double(_:)`` makes the encoder throw.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let bool): try c.encode(bool)
        case .int(let integer): try c.encode(integer)
        case .double(let double): try c.encode(double)
        case .string(let string): try c.encode(string)
        case .array(let array): try c.encode(array)
        case .object(let object): try c.encode(object)
        }
    }
}
