/// The JSON form of everything on the workflow socket: compact, keys sorted, UTF-8, `/` not escaped — byte
/// for byte what `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes, the form the daemon's
/// event log stores events in (`QueueEvent.json()`), so an event goes out exactly as it was stored.
///
/// Every control character is escaped (a newline becomes `\n`), so encoded JSON never contains a raw line
/// feed and is always one frame. Characters such as U+2028 are written as they are (UTF-8), which JSON
/// allows; they are not line ends for the framing.
///
/// Reading is strict (see ``JSONValue/init(parsing:)``). Both directions use this module's own parser,
/// writer and coders rather than `JSONDecoder`/`JSONEncoder`, which are an order of magnitude slower on
/// this kind of message.
public enum WireJSON {
    /// Encodes `value` in the wire form. Throws `EncodingError` for what JSON cannot hold (NaN, infinity,
    /// an integer beyond `Int64`).
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        try JSONWriter.write(JSONValueEncoder.encode(value))
    }

    /// Encodes `value` in the wire form, as a string.
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// Decodes `type` from UTF-8 JSON text. Throws ``JSONParseError`` when the text is not JSON, and
    /// `DecodingError` (naming the field) when it does not fit `type`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        try JSONValue(parsing: bytes).decode(type)
    }
}
