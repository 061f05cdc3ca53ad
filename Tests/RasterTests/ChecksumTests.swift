@testable import Raster
import Testing

/// The hand-written checksums against their published check values.
@Suite struct ChecksumTests {
    @Test func crc32CheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func adler32CheckValues() {
        var adler = Adler32()
        adler.update(Array("Wikipedia".utf8))
        #expect(adler.value == 0x11E6_0398)
        var large = Adler32()
        large.update([UInt8](repeating: 0xFF, count: 100_000))
        // Computed without the deferred reduction: both sums reduced after every byte.
        var low: UInt32 = 1, high: UInt32 = 0
        for _ in 0 ..< 100_000 {
            low = (low + 0xFF) % 65521
            high = (high + low) % 65521
        }
        #expect(large.value == high << 16 | low)
    }

    @Test func storedBlocksSplitAt65535Bytes() {
        let data = [UInt8](repeating: 7, count: 65535 + 10)
        let stream = ZlibStoredStream.wrap(data)
        #expect(Array(stream.prefix(2)) == [0x78, 0x01])
        // First block: not final, LEN 65535, NLEN 0.
        #expect(Array(stream[2 ..< 7]) == [0x00, 0xFF, 0xFF, 0x00, 0x00])
        // Second block: final, LEN 10.
        #expect(Array(stream[65542 ..< 65547]) == [0x01, 0x0A, 0x00, 0xF5, 0xFF])
        #expect(stream.count == 2 + 5 + 65535 + 5 + 10 + 4)
        // An empty input is still one final (empty) block.
        #expect(ZlibStoredStream.wrap([]) == [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01])
    }
}
