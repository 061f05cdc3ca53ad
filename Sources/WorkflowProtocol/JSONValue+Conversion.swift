extension JSONValue {
    /// Parses UTF-8 JSON text holding one value (any value, not only an object), strictly: no trailing
    /// commas or comments, no repeated keys in an object, no lone surrogates, at most 512 levels of
    /// nesting, nothing after the value but whitespace.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
        self = try JSONParser.parse(bytes)
    }

    /// The tree of the JSON that `value` encodes to. Throws `EncodingError` as ``WireJSON/encode(_:)``.
    public init(encoding value: some Encodable) throws {
        self = try JSONValueEncoder.encode(value)
    }

    /// Decodes a typed value straight from the tree, without writing JSON text.
    ///
    /// Errors are `DecodingError`s whose coding path names the field (`events[3].seq`). Integers must be
    /// exact: `1.5` is not an `Int`, `2.0` is. Members the type does not know are ignored.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONValueDecoder(value: self, codingPath: []).decode(type)
    }

    /// The value in the wire form of ``WireJSON``: compact, keys sorted. Throws `EncodingError` for a
    /// non-finite number.
    public func encoded() throws -> [UInt8] {
        try JSONWriter.write(self)
    }
}
