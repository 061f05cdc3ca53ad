/// The keyed container of ``JSONValueEncoder``: the members of one object.
struct JSONValueObjectEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONValueEncoderNode
    let codingPath: [any CodingKey]

    /// The encoder of a new member `key`.
    private func member(_ key: Key) -> JSONValueEncoder {
        JSONValueEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws { var e = member(key); try e.encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { var e = member(key); try e.encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { var e = member(key); try e.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        member(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        member(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let key = AnyCodingKey("super")
        return JSONValueEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        member(key)
    }
}
