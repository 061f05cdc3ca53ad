import Foundation
import Testing
import WorkflowProtocol

@Suite("JSON text: strict parsing, and writing as JSONEncoder does")
struct JSONParserTests {
    @Test("refuses what is not JSON", arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}", "'x'", "01", "1.", ".5", "-", "1e",
        "+1", "NaN", "Infinity", "tru", "nul", "[1]]", "{} {}", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"",
        "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\tb\"", "\"a\nb\"", "// comment\n1", "1e400", "-1e400",
        "{\"a\":1,\"a\":2}",
    ])
    func refuses(text: String) {
        #expect(throws: JSONParseError.self, "\(text)") { try JSONValue(parsing: WireText.bytes(text)) }
    }

    @Test("refuses invalid UTF-8 inside a string")
    func invalidUTF8() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22]] {
            #expect(throws: JSONParseError.self) { try JSONValue(parsing: bytes) }
        }
    }

    @Test("says where and what went wrong")
    func errorPosition() {
        #expect(throws: JSONParseError(offset: 6, reason: "expected ',' or '}' in an object")) {
            try JSONValue(parsing: WireText.bytes(#"{"a":1]"#))
        }
        #expect(throws: JSONParseError(offset: 3, reason: "unexpected end of input")) {
            try JSONValue(parsing: WireText.bytes("[1,"))
        }
        #expect(throws: JSONParseError(offset: 7, reason: "member \"a\" appears twice")) {
            try JSONValue(parsing: WireText.bytes(#"{"a":1,"a":1}"#))
        }
    }

    @Test("reads escapes, surrogate pairs and whitespace")
    func escapes() throws {
        let text = " { \"s\" : \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u1ed9\\ud83d\\ude00\" , \"e\":[ ] }\r\n"
        #expect(try JSONValue(parsing: WireText.bytes(text)) == ["s": "\"\\/\u{8}\u{c}\n\r\tAộ😀", "e": []])
    }

    @Test("writes what JSONEncoder writes, for every character below U+0100 and more")
    func stringsLikeJSONEncoder() throws {
        var strings = (0..<0x100).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        strings += ["\u{2028}", "\u{2029}", "\u{FEFF}", "😀", "e\u{301}", "Hộ tịch / chứng thực", "a\"b\\c", ""]
        for string in strings {
            #expect(try WireJSON.encode(JSONValue.string(string)) == foundation(string), "\(string.unicodeScalars.map(\.value))")
        }
    }

    @Test("writes numbers as JSONEncoder writes them")
    func numbersLikeJSONEncoder() throws {
        var generator = SystemRandomNumberGenerator()
        var doubles: [Double] = [0, -0.0, 1, -1, 0.1, 2.5e-5, 1e16, 1e21, 1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 123_456.789]
        for _ in 0..<2000 {
            let double = Double(bitPattern: generator.next())
            if double.isFinite { doubles.append(double) }
        }
        for double in doubles {
            #expect(try WireJSON.encode(JSONValue.double(double)) == foundation(double), "\(double)")
        }
        for integer: Int64 in [0, 1, -1, 42, -9_007_199_254_740_993, .max, .min] {
            #expect(try WireJSON.encode(JSONValue.int(integer)) == foundation(integer))
        }
    }

    @Test("sorts object keys as JSONEncoder does")
    func keyOrder() throws {
        let keys = ["b", "B", "a", "_", "10", "9", "é", "z", "Z", "aa", "a_b", "a.b", "ä", "😀", "Ａ", "", " ", "service_id", "service"]
        var object: [String: JSONValue] = [:]
        var plain: [String: Int] = [:]
        for (value, key) in keys.enumerated() {
            object[key] = .int(Int64(value))
            plain[key] = value
        }
        #expect(try WireJSON.encode(JSONValue.object(object)) == foundation(plain))
    }

    @Test("writes a parsed random value back byte for byte")
    func randomRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let value = Self.random(depth: 0, using: &generator)
            let bytes = try WireJSON.encode(value)
            #expect(try JSONValue(parsing: bytes) == value)
            #expect(try JSONValue(parsing: bytes).encoded() == bytes)
            #expect(try bytes == foundationEncoded(value))
        }
    }

    /// A random value whose numbers are integers or doubles with a fraction (which read back as written).
    private static func random(depth: Int, using generator: inout SystemRandomNumberGenerator) -> JSONValue {
        let kind = Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int64.random(in: .min ... .max, using: &generator))
        case 3: return .double(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) + 0.25)
        case 4:
            let alphabet = Array("aZ09 \"\\/\n\t\u{1}ộđ😀\u{2028}")
            return .string(String((0..<Int.random(in: 0..<12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        case 5: return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in random(depth: depth + 1, using: &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 0..<4, using: &generator) {
                members["k\(index)\(["", "_x", "É"].randomElement(using: &generator)!)"] = random(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }

    private func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }

    /// What JSONEncoder writes for `value`, going through JSONValue's own `Encodable` conformance.
    private func foundationEncoded(_ value: JSONValue) throws -> [UInt8] {
        try foundation(value)
    }
}
