/// A zlib stream (RFC 1950) whose deflate data (RFC 1951) is only stored — uncompressed — blocks.
///
/// Monochrome tickets and forms are small, so compression is not worth its code here; every zlib
/// reader (PNG decoders, PDF `/FlateDecode`) accepts stored blocks.
enum ZlibStoredStream {
    /// The most bytes one stored block can carry (its LEN field is 16 bits).
    static let maximumBlockSize = 65535

    /// `data` wrapped as a zlib stream: header, stored blocks of at most ``maximumBlockSize`` bytes,
    /// Adler-32 of `data`.
    static func wrap(_ data: [UInt8]) -> [UInt8] {
        let blockCount = max(1, (data.count + maximumBlockSize - 1) / maximumBlockSize)
        var out: [UInt8] = []
        out.reserveCapacity(data.count + blockCount * 5 + 6)
        // CMF 0x78: deflate with a 32 KiB window. FLG 0x01: no dictionary, level 0 ("fastest"), and
        // (0x78 << 8 | 0x01) = 30721 = 31 × 991, as the FCHECK bits require.
        out += [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(data.count, start + maximumBlockSize)
            let length = UInt16(end - start)
            // BFINAL in bit 0, BTYPE 00 (stored); the rest of the byte is padding up to the byte boundary.
            out.append(end == data.count ? 0x01 : 0x00)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += data[start ..< end]
            start = end
        } while start < data.count
        var adler = Adler32()
        adler.update(data)
        let checksum = adler.value
        out += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: checksum >> $0) }
        return out
    }
}
