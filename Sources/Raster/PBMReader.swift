/// Walks the bytes of a PBM file for ``MonochromeBitmap/init(pbm:)``.
struct PBMReader {
    private let bytes: [UInt8]
    private var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The first two bytes as text ("P4", "P1", or whatever is there).
    mutating func magic() -> String {
        let head = bytes.prefix(2)
        position = head.count
        return String(decoding: head, as: UTF8.self)
    }

    /// A decimal header number after any whitespace and comments.
    mutating func number(named name: String) throws(RasterError) -> Int {
        skipWhitespaceAndComments()
        var value = 0, digits = 0
        while position < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[position]) {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            digits += 1
            position += 1
            guard value <= 1 << 24 else { throw .invalidPBM(reason: "the \(name) is too large") }
        }
        guard digits > 0 else { throw .invalidPBM(reason: "the header has no \(name)") }
        return value
    }

    /// The one whitespace byte that separates a P4 header from its raster.
    mutating func singleWhitespace() throws(RasterError) {
        guard position < bytes.count, Self.isWhitespace(bytes[position]) else {
            throw .invalidPBM(reason: "no whitespace between the header and the raster")
        }
        position += 1
    }

    /// Up to `count` raw bytes from here.
    mutating func remaining(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, position + count)
        defer { position = end }
        return Array(bytes[position ..< end])
    }

    /// The next P1 pixel digit: `true` for "1" (black).
    mutating func plainPixel(x: Int, y: Int) throws(RasterError) -> Bool {
        skipWhitespaceAndComments()
        guard position < bytes.count else {
            throw .invalidPBM(reason: "the P1 pixels end before column \(x) of row \(y)")
        }
        defer { position += 1 }
        switch bytes[position] {
        case UInt8(ascii: "0"): return false
        case UInt8(ascii: "1"): return true
        default: throw .invalidPBM(reason: "P1 pixel at column \(x) of row \(y) is neither 0 nor 1")
        }
    }

    private mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            if Self.isWhitespace(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "#") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D {  // to the end of line
                    position += 1
                }
            } else {
                return
            }
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09 ... 0x0D).contains(byte)
    }
}
