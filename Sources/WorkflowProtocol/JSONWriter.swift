/// Writes a ``JSONValue`` in the wire form, byte for byte as `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes the same value (the form of the daemon's event log; tests hold the two
/// together): no whitespace; object keys in `String` order; in strings `"` and `\` escaped, `\b \t \n \f \r`
/// for those control characters and `\u00XX` (lowercase hex) for the other ones below U+0020, everything
/// else as UTF-8; integers in decimal; other numbers as `Double.description` without a trailing `.0`.
enum JSONWriter {
    /// The wire form of `value`.
    static func write(_ value: JSONValue) throws(EncodingError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        try write(value, into: &output)
        return output
    }

    /// Appends the wire form of `value` to `output`.
    static func write(_ value: JSONValue, into output: inout [UInt8]) throws(EncodingError) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let bool):
            output.append(contentsOf: bool ? "true".utf8 : "false".utf8)
        case .int(let integer):
            writeInteger(integer, into: &output)
        case .double(let double):
            guard double.isFinite else {
                throw EncodingError.invalidValue(double, .init(codingPath: [], debugDescription: "\(double) cannot be written as a JSON number"))
            }
            var text = double.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            output.append(contentsOf: text.utf8)
        case .string(let string):
            writeString(string, into: &output)
        case .array(let elements):
            output.append(0x5B)  // [
            var first = true
            for element in elements {
                if !first { output.append(0x2C) }  // ,
                first = false
                try write(element, into: &output)
            }
            output.append(0x5D)  // ]
        case .object(let members):
            output.append(0x7B)  // {
            var first = true
            for key in members.keys.sorted() {
                if !first { output.append(0x2C) }  // ,
                first = false
                writeString(key, into: &output)
                output.append(0x3A)  // :
                try write(members[key]!, into: &output)
            }
            output.append(0x7D)  // }
        }
    }

    private static func writeInteger(_ integer: Int64, into output: inout [UInt8]) {
        if integer < 0 { output.append(0x2D) }  // -
        var magnitude = integer.magnitude
        // At most 20 digits; written backwards into a fixed buffer, then copied in order.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    private static let hexDigits: [UInt8] = [
        0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66,
    ]

    /// Writes a string in quotes, escaping as `JSONEncoder` does. (Byte values are written as literals: in
    /// a debug build every `UInt8(ascii:)` is a call, and this loop runs once per byte of every frame.)
    private static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(0x22)  // "
        var string = string
        string.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var runStart = 0
            var position = 0
            while position < bytes.count {
                let byte = base[position]
                // Below U+0020, `"` and `\` need escaping; everything else is copied in runs.
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                    position += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: position - runStart))
                output.append(0x5C)  // \
                switch byte {
                case 0x22, 0x5C: output.append(byte)
                case 0x08: output.append(0x62)  // b
                case 0x09: output.append(0x74)  // t
                case 0x0A: output.append(0x6E)  // n
                case 0x0C: output.append(0x66)  // f
                case 0x0D: output.append(0x72)  // r
                default: output.append(contentsOf: [0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])  // u00XX
                }
                position += 1
                runStart = position
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: position - runStart))
        }
        output.append(0x22)
    }
}
