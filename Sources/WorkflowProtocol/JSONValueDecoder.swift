/// A `Decoder` that reads a ``JSONValue`` tree: typed params come out of a parsed request without writing
/// and parsing its JSON again, and with errors that name the field (`JSONDecoder` reports `1.5` for an `Int`
/// as "not valid JSON" with no path).
///
/// A value is one level of the tree: it is its own single-value container.
struct JSONValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch([String: JSONValue].self, expected: "an object") }
        return KeyedDecodingContainer(JSONValueObjectContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let array) = value else { throw mismatch([JSONValue].self, expected: "an array") }
        return JSONValueArrayContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool {
        if case .null = value { true } else { false }
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(type, expected: "a boolean") }
        return bool
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let string) = value else { throw mismatch(type, expected: "a string") }
        return string
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let double = value.doubleValue else { throw mismatch(type, expected: "a number") }
        return double
    }

    func decode(_ type: Float.Type) throws -> Float {
        guard let double = value.doubleValue else { throw mismatch(type, expected: "a number") }
        return Float(double)
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The untyped parts of a typed value: hand over the subtree as it is.
        if T.self == JSONValue.self { return value as! T }
        if T.self == [String: JSONValue].self, case .object(let object) = value { return object as! T }
        return try T(from: self)
    }

    /// An integer of `type`, exact: `2.0` is 2, `2.5` and `300` for a `UInt8` are refused.
    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        switch value {
        case .int(let integer):
            if let exact = T(exactly: integer) { return exact }
        case .double(let double):
            guard double.rounded() == double else { throw mismatch(type, expected: "an integer") }
            if let exact = T(exactly: double) { return exact }
        default:
            throw mismatch(type, expected: "an integer")
        }
        throw DecodingError.dataCorrupted(
            .init(codingPath: codingPath, debugDescription: "out of range for \(type) (\(T.min)...\(T.max))")
        )
    }

    /// The error for a value of the wrong kind: `valueNotFound` for null, `typeMismatch` otherwise.
    func mismatch(_ type: Any.Type, expected: String) -> DecodingError {
        if case .null = value {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "expected \(expected), found null"))
        }
        return .typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(value.kindDescription)")
        )
    }
}
