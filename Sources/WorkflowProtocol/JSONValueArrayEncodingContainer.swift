/// The unkeyed container of ``JSONValueEncoder``: the elements of one array, in order.
struct JSONValueArrayEncodingContainer: UnkeyedEncodingContainer {
    let node: JSONValueEncoderNode
    let codingPath: [any CodingKey]

    var count: Int { node.elementCount }

    /// The encoder of a new element at the end.
    private func element() -> JSONValueEncoder {
        let path = codingPath + [AnyCodingKey(index: node.elementCount)]
        return JSONValueEncoder(node: node.append(), codingPath: path)
    }

    mutating func encodeNil() throws { var e = element(); try e.encodeNil() }
    mutating func encode(_ value: Bool) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: String) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: Double) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: Float) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: Int) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: Int8) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: Int16) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: Int32) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: Int64) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: UInt) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: UInt8) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: UInt16) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: UInt32) throws { var e = element(); try e.encode(value) }
    mutating func encode(_ value: UInt64) throws { var e = element(); try e.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { var e = element(); try e.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        element().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        element()
    }
}
