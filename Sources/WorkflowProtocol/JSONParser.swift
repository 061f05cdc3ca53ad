/// Parses UTF-8 JSON text (RFC 8259) into a ``JSONValue``, strictly: no trailing commas, comments, leading
/// zeros, `NaN`, lone surrogates, raw control characters in strings, or repeated keys in an object (which
/// parsers resolve differently, so they are refused rather than guessed); at most ``maximumDepth`` nested
/// arrays and objects; nothing but whitespace after the value.
///
/// Numbers follow ``JSONValue``: an integer written without fraction or exponent is kept exact when it fits
/// `Int64`; any number whose value is an integer that fits `Int64` is ``JSONValue/int(_:)``; other numbers
/// are `Double`s (correctly rounded), and a number beyond `Double` is refused.
///
/// Bytes are written as hex literals: in a debug build every `UInt8(ascii:)` is a call, and the parser runs
/// once per byte of every frame. Their characters: `{ } [ ] " \ : ,` are 7B 7D 5B 5D 22 5C 3A 2C.
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted (as `JSONDecoder`'s).
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one JSON value filling `bytes`.
    static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let parsed: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try parseAll(buffer) }
        }
        if let parsed { return try parsed.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer throws(JSONParseError) in try parseAll(buffer) }
    }

    private static func parseAll(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: buffer)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == buffer.count else { throw parser.error("unexpected data after the value") }
        return value
    }

    // MARK: Values

    private mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard let byte = peek() else { throw error("unexpected end of input") }
        switch byte {
        case 0x7B: return try object(depth: depth + 1)  // {
        case 0x5B: return try array(depth: depth + 1)  // [
        case 0x22: return .string(try string())  // "
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        case 0x2D, 0x30...0x39: return try number()  // - 0…9
        default: throw error("unexpected \(Self.describe(byte))")
        }
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
        index += 1  // {
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek() == 0x7D {
            index += 1
            return .object(members)
        }
        while true {
            guard peek() == 0x22 else { throw error("expected a member name in quotes") }
            let keyOffset = index
            let key = try string()
            skipWhitespace()
            guard peek() == 0x3A else { throw error("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            let member = try value(depth: depth)
            guard members.updateValue(member, forKey: key) == nil else {
                throw JSONParseError(offset: keyOffset, reason: "member \"\(key)\" appears twice")
            }
            skipWhitespace()
            switch peek() {
            case 0x2C:
                index += 1
                skipWhitespace()
            case 0x7D:
                index += 1
                return .object(members)
            default:
                throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == 0x5D {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try value(depth: depth))
            skipWhitespace()
            switch peek() {
            case 0x2C:
                index += 1
                skipWhitespace()
            case 0x5D:
                index += 1
                return .array(elements)
            default:
                throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end of input") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw error("unexpected \(Self.describe(bytes[index]))")
        }
        index += count
    }

    // MARK: Strings

    /// A string, from its opening quote to past its closing one.
    private mutating func string() throws(JSONParseError) -> String {
        let start = index
        index += 1  // "
        let contentStart = index
        // Most strings have no escapes: find the closing quote and take the bytes as they are. Most are
        // ASCII too, which needs no UTF-8 validation.
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                // Inside a string, so the buffer is not empty and has a base address.
                let content = UnsafeBufferPointer(start: bytes.baseAddress! + contentStart, count: index - contentStart)
                let text = isASCII ? String(decoding: content, as: UTF8.self) : try utf8(content, from: contentStart)
                index += 1
                return text
            }
            if byte >= 0x80 { isASCII = false }
            if byte == 0x5C { break }
            guard byte >= 0x20 else { throw error("raw control character \(Self.describe(byte)) in a string") }
            index += 1
        }
        guard index < bytes.count else { throw JSONParseError(offset: start, reason: "unterminated string") }
        var decoded = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x22:
                let text = try decoded.withUnsafeBufferPointer { buffer throws(JSONParseError) in try utf8(buffer, from: contentStart) }
                index += 1
                return text
            case 0x5C:
                try escape(into: &decoded)
            case ..<0x20:
                throw error("raw control character \(Self.describe(byte)) in a string")
            default:
                decoded.append(byte)
                index += 1
            }
        }
        throw JSONParseError(offset: start, reason: "unterminated string")
    }

    /// One escape sequence, from its backslash, appended as UTF-8.
    private mutating func escape(into decoded: inout [UInt8]) throws(JSONParseError) {
        guard index + 1 < bytes.count else { throw error("unterminated escape") }
        let letter = bytes[index + 1]
        let simple: UInt8? = switch letter {
        case 0x22, 0x5C, 0x2F: letter  // \" \\ \/
        case 0x62: 0x08  // \b
        case 0x66: 0x0C  // \f
        case 0x6E: 0x0A  // \n
        case 0x72: 0x0D  // \r
        case 0x74: 0x09  // \t
        default: nil
        }
        if let simple {
            decoded.append(simple)
            index += 2
            return
        }
        // \u
        guard letter == 0x75 else { throw error("invalid escape \\\(Self.describe(letter))") }
        let escapeStart = index
        var scalar = try hexQuad(at: index + 2)
        index += 6
        if (0xD800...0xDBFF).contains(scalar) {
            // A high surrogate must be followed by an escaped low one.
            guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                throw JSONParseError(offset: escapeStart, reason: "lone surrogate in a \\u escape")
            }
            let low = try hexQuad(at: index + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONParseError(offset: escapeStart, reason: "lone surrogate in a \\u escape")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            index += 6
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw JSONParseError(offset: escapeStart, reason: "lone surrogate in a \\u escape")
        }
        // Surrogates are ruled out above, so this is a valid scalar.
        Unicode.UTF8.encode(Unicode.Scalar(scalar)!) { decoded.append($0) }
    }

    /// The value of four hex digits at `offset`.
    private func hexQuad(at offset: Int) throws(JSONParseError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw JSONParseError(offset: offset, reason: "unterminated \\u escape") }
        var value: UInt32 = 0
        for position in offset..<offset + 4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10  // a…f
            case 0x41...0x46: digit = byte - 0x41 + 10  // A…F
            default: throw JSONParseError(offset: position, reason: "\(Self.describe(byte)) is not a hex digit")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func utf8(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int) throws(JSONParseError) -> String {
        guard let text = String(validating: buffer, as: UTF8.self) else {
            throw JSONParseError(offset: offset, reason: "string is not valid UTF-8")
        }
        return text
    }

    // MARK: Numbers

    private mutating func number() throws(JSONParseError) -> JSONValue {
        let start = index
        let negative = bytes[index] == 0x2D
        if negative { index += 1 }
        let integerStart = index
        guard let first = peek(), Self.isDigit(first) else { throw error("expected a digit") }
        index += 1
        if first == 0x30 {
            if let next = peek(), Self.isDigit(next) { throw error("leading zero in a number") }
        } else {
            skipDigits()
        }
        let integerEnd = index
        var isInteger = true
        if peek() == 0x2E {  // .
            isInteger = false
            index += 1
            guard let next = peek(), Self.isDigit(next) else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if peek() == 0x65 || peek() == 0x45 {  // e E
            isInteger = false
            index += 1
            if peek() == 0x2B || peek() == 0x2D { index += 1 }  // + -
            guard let next = peek(), Self.isDigit(next) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        if isInteger, let exact = exactInteger(integerStart..<integerEnd, negative: negative) {
            return .int(exact)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw JSONParseError(offset: start, reason: "number \(text) is out of range")
        }
        if double.sign == .plus || double != 0, let exact = Int64(exactly: double) { return .int(exact) }
        return .double(double)
    }

    /// The digits in `range` as an `Int64`, or nil when they overflow it.
    private func exactInteger(_ range: Range<Int>, negative: Bool) -> Int64? {
        var value: Int64 = 0
        for position in range {
            let digit = Int64(bytes[position] - 0x30)
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            value = next
        }
        // "-0" is the double -0.0, to keep its sign.
        return negative && value == 0 ? nil : value
    }

    private mutating func skipDigits() {
        while let byte = peek(), Self.isDigit(byte) { index += 1 }
    }

    // MARK: Bytes

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1  // space \n \r \t
            default: return
            }
        }
    }

    private func error(_ reason: String) -> JSONParseError {
        JSONParseError(offset: index, reason: index < bytes.count ? reason : "unexpected end of input")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// A byte as an error message shows it: `'}'`, or `0xFF` when it is not printable ASCII.
    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
