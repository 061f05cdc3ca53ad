/// Bits appended most significant first and packed into bytes, for building the data codewords.
struct QRBitBuffer: Sendable {
    /// The packed bits; the last byte is padded with zero bits on the right.
    private(set) var bytes: [UInt8] = []
    /// How many bits have been appended.
    private(set) var count = 0

    /// Appends the low `width` bits of `value`, most significant first.
    mutating func append(_ value: Int, bits width: Int) {
        precondition(width >= 0 && width <= 32 && value >> width == 0, "value does not fit in its field")
        for shift in stride(from: width - 1, through: 0, by: -1) {
            if count % 8 == 0 { bytes.append(0) }
            if (value >> shift) & 1 == 1 {
                bytes[bytes.count - 1] |= 0x80 >> UInt8(count % 8)
            }
            count += 1
        }
    }
}
