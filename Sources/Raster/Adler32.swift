/// Adler-32, the checksum that closes a zlib stream (RFC 1950): two sums modulo 65521.
struct Adler32 {
    private static let modulus: UInt32 = 65521
    /// Bytes that can be added before the sums must be reduced without overflowing 32 bits.
    private static let run = 5552

    private var low: UInt32 = 1
    private var high: UInt32 = 0

    /// Starts an empty checksum.
    init() {}

    /// Adds `bytes` to the checksum.
    mutating func update(_ bytes: [UInt8]) {
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + Self.run)
            for index in start ..< end {
                low &+= UInt32(bytes[index])
                high &+= low
            }
            low %= Self.modulus
            high %= Self.modulus
            start = end
        }
    }

    /// The checksum of everything added so far (`high << 16 | low`).
    var value: UInt32 { high << 16 | low }
}
