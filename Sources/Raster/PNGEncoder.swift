import Foundation

/// Writes a ``MonochromeBitmap`` as a PNG file: greyscale, 1 bit per pixel, grey 0 (black) for ink and
/// 1 (white) for paper, unfiltered rows in a zlib stream of stored deflate blocks.
///
/// For previews of tickets and for test artefacts that any image viewer opens.
public enum PNGEncoder {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG file of `bitmap`, each pixel enlarged to a `scale`×`scale` square (a scale below 2 keeps
    /// the size).
    ///
    /// - Throws: ``RasterError/emptyBitmap(width:height:)`` when the bitmap has no pixels, which PNG
    ///   cannot hold.
    public static func encode(_ bitmap: MonochromeBitmap, scale: Int = 1) throws(RasterError) -> Data {
        let image = bitmap.scaled(by: scale)
        guard image.width > 0, image.height > 0 else {
            throw .emptyBitmap(width: image.width, height: image.height)
        }
        var header: [UInt8] = []
        header += bigEndian(UInt32(image.width))
        header += bigEndian(UInt32(image.height))
        // Bit depth 1, colour type 0 (greyscale), deflate, adaptive filtering (method 0), no interlace.
        header += [1, 0, 0, 0, 0]

        // Each scanline: filter type 0 (None), then the row with ink bits turned to grey 0.
        let spare = image.bytesPerRow * 8 - image.width
        let lastMask = UInt8(truncatingIfNeeded: 0xFF << spare)
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((image.bytesPerRow + 1) * image.height)
        let packed = image.packedBytes
        for y in 0 ..< image.height {
            scanlines.append(0)
            let start = y * image.bytesPerRow
            for column in 0 ..< image.bytesPerRow {
                let inverted = ~packed[start + column]
                scanlines.append(column == image.bytesPerRow - 1 ? inverted & lastMask : inverted)
            }
        }

        var file = signature
        appendChunk("IHDR", header, to: &file)
        appendChunk("IDAT", ZlibStoredStream.wrap(scanlines), to: &file)
        appendChunk("IEND", [], to: &file)
        return Data(file)
    }

    /// Appends length, type, data and the CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        file += bigEndian(UInt32(data.count))
        file += typeBytes
        file += data
        var crc = CRC32()
        crc.update(typeBytes)
        crc.update(data)
        file += bigEndian(crc.value)
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
