extension QRCode {
    /// The code as a binary PBM (`P4`) image: a `P4` header with the width and height, then one
    /// bit per pixel, rows padded to whole bytes, most significant bit leftmost, 1 for black.
    ///
    /// - Parameters:
    ///   - scale: pixels per module along each side; at least 1.
    ///   - quietZone: light modules around the symbol; the standard asks for 4. At least 0.
    /// - Returns: the file's bytes; the image is `(size + 2 × quietZone) × scale` pixels square.
    public func pbm(scale: Int = 4, quietZone: Int = 4) -> [UInt8] {
        let scale = max(1, scale), quietZone = max(0, quietZone)
        let width = (size + 2 * quietZone) * scale
        let rowBytes = (width + 7) / 8
        var image = Array("P4\n\(width) \(width)\n".utf8)
        image.reserveCapacity(image.count + rowBytes * width)
        for y in -quietZone..<(size + quietZone) {
            var row = [UInt8](repeating: 0, count: rowBytes)
            for pixel in 0..<width where isDark(x: pixel / scale - quietZone, y: y) {
                row[pixel >> 3] |= 0x80 >> UInt8(pixel & 7)
            }
            for _ in 0..<scale { image += row }
        }
        return image
    }
}
