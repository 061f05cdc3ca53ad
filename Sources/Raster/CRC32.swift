/// CRC-32 as PNG chunks use it (ISO 3309 / ITU-T V.42: reflected polynomial 0xEDB88320, initial and
/// final XOR 0xFFFFFFFF), computed four bits at a time from a 16-entry table.
struct CRC32 {
    /// The CRCs of the 16 nibble values, built once.
    private static let nibbleTable: [UInt32] = (0 ..< 16).map { nibble in
        var value = UInt32(nibble)
        for _ in 0 ..< 4 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }

    private var state: UInt32 = 0xFFFF_FFFF

    /// Starts an empty checksum.
    init() {}

    /// Adds `bytes` to the checksum.
    mutating func update(_ bytes: some Sequence<UInt8>) {
        let table = Self.nibbleTable
        for byte in bytes {
            state ^= UInt32(byte)
            state = (state >> 4) ^ table[Int(state & 0xF)]
            state = (state >> 4) ^ table[Int(state & 0xF)]
        }
    }

    /// The checksum of everything added so far.
    var value: UInt32 { state ^ 0xFFFF_FFFF }

    /// The checksum of `bytes` alone.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
