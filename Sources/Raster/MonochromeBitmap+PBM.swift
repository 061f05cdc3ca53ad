import Foundation

extension MonochromeBitmap {
    /// The bitmap as a binary PBM file (`P4`): a reference format that ImageMagick and Netpbm read,
    /// with the same packed rows (1 = black).
    public var pbm: Data {
        var data = Data("P4\n\(width) \(height)\n".utf8)
        data.append(contentsOf: packedBytes)
        return data
    }

    /// Reads a PBM file: binary `P4` or plain `P1`, with `#` comments in the header (and, for `P1`,
    /// between pixels).
    ///
    /// - Throws: ``RasterError/invalidPBM(reason:)`` naming what is missing or malformed.
    public init(pbm data: Data) throws(RasterError) {
        var reader = PBMReader(bytes: [UInt8](data))
        let magic = reader.magic()
        guard magic == "P4" || magic == "P1" else {
            throw .invalidPBM(reason: "the file starts with \"\(magic)\", not P4 or P1")
        }
        let width = try reader.number(named: "width")
        let height = try reader.number(named: "height")
        let bytesPerRow = (width + 7) / 8
        var packed = [UInt8](repeating: 0, count: bytesPerRow * height)
        if magic == "P4" {
            try reader.singleWhitespace()
            let raster = reader.remaining(packed.count)
            guard raster.count == packed.count else {
                throw .invalidPBM(
                    reason: "a \(width)×\(height) P4 raster needs \(packed.count) bytes, the file has \(raster.count)")
            }
            packed = raster
        } else {
            for y in 0 ..< height {
                for x in 0 ..< width {
                    if try reader.plainPixel(x: x, y: y) {
                        packed[y * bytesPerRow + (x >> 3)] |= 0x80 >> UInt8(x & 7)
                    }
                }
            }
        }
        try self.init(width: width, height: height, packedBytes: packed)
    }
}
