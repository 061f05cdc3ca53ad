/// An `Encoder` that builds a ``JSONValue`` tree, which ``JSONWriter`` then writes: typed params and results
/// become frames without `JSONEncoder`, whose speed the outbox cannot afford (and with the same bytes).
///
/// Like `JSONEncoder`, an integer beyond `Int64` (a large `UInt64`) cannot be written exactly and is refused.
struct JSONValueEncoder: Encoder, SingleValueEncodingContainer {
    let node: JSONValueEncoderNode
    let codingPath: [any CodingKey]

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The tree `value` encodes to.
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let node = JSONValueEncoderNode()
        var encoder = JSONValueEncoder(node: node, codingPath: [])
        try encoder.encode(value)
        return node.value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(JSONValueObjectEncodingContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return JSONValueArrayEncodingContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.set(.string(value)) }
    mutating func encode(_ value: Double) throws { node.set(.double(value)) }
    mutating func encode(_ value: Float) throws { node.set(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        // The untyped parts of a typed value go in as they are.
        if T.self == JSONValue.self {
            node.set(value as! JSONValue)
        } else if T.self == [String: JSONValue].self {
            node.set(.object(value as! [String: JSONValue]))
        } else {
            try value.encode(to: self)
        }
    }

    private func integer<T: FixedWidthInteger>(_ value: T) throws {
        guard let exact = Int64(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) does not fit Int64"))
        }
        node.set(.int(exact))
    }
}
