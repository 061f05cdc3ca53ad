/// A 1-bit picture: `true` (bit 1) is ink, `false` (bit 0) is paper.
///
/// Pixels are stored in rows from the top, each row packed most-significant bit first and padded to a
/// whole number of bytes (``bytesPerRow`` = (width + 7) / 8) — exactly the raster layout of ESC/POS
/// `GS v 0`. Padding bits are always zero, so two bitmaps with the same pixels compare equal.
public struct MonochromeBitmap: Sendable, Equatable {
    /// Number of columns.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// Bytes per packed row: `(width + 7) / 8`.
    public let bytesPerRow: Int
    /// The packed rows, top first; padding bits zero.
    private var bits: [UInt8]

    /// A blank (all paper) bitmap; a negative size is taken as zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.bytesPerRow = (self.width + 7) / 8
        self.bits = [UInt8](repeating: 0, count: self.bytesPerRow * self.height)
    }

    /// A bitmap from packed rows in the ``packedBytes`` layout; padding bits given as 1 are cleared.
    ///
    /// - Throws: ``RasterError/packedByteCountMismatch(width:height:expected:actual:)`` when `packedBytes`
    ///   does not hold exactly `height × bytesPerRow` bytes.
    public init(width: Int, height: Int, packedBytes: [UInt8]) throws(RasterError) {
        self.init(width: width, height: height)
        guard packedBytes.count == bits.count else {
            throw .packedByteCountMismatch(
                width: self.width, height: self.height, expected: bits.count, actual: packedBytes.count)
        }
        bits = packedBytes
        clearPadding()
    }

    /// The pixel at column `x`, row `y`: `true` for ink. Reading outside the bitmap gives `false`;
    /// writing outside it does nothing.
    public subscript(x: Int, y: Int) -> Bool {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return false }
            return (bits[y * bytesPerRow + (x >> 3)] & (0x80 >> UInt8(x & 7))) != 0
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let index = y * bytesPerRow + (x >> 3)
            let mask: UInt8 = 0x80 >> UInt8(x & 7)
            if newValue { bits[index] |= mask } else { bits[index] &= ~mask }
        }
    }

    /// All rows packed, top first, MSB first, each padded to ``bytesPerRow`` (the `GS v 0` data).
    public var packedBytes: [UInt8] { bits }

    /// The packed bytes of row `y` (empty when `y` is outside the bitmap).
    public func rowBytes(at y: Int) -> [UInt8] {
        guard y >= 0, y < height else { return [] }
        return Array(bits[y * bytesPerRow ..< (y + 1) * bytesPerRow])
    }

    /// Number of inked pixels.
    public var inkCount: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The smallest rectangle holding every inked pixel, or `nil` when there is no ink.
    public var inkBounds: PixelRect? {
        var top = Int.max, bottom = -1, left = Int.max, right = -1
        for y in 0 ..< height {
            let start = y * bytesPerRow
            guard let first = (start ..< start + bytesPerRow).first(where: { bits[$0] != 0 }),
                let last = (start ..< start + bytesPerRow).last(where: { bits[$0] != 0 })
            else { continue }
            top = min(top, y)
            bottom = y
            left = min(left, (first - start) * 8 + bits[first].leadingZeroBitCount)
            right = max(right, (last - start) * 8 + 7 - bits[last].trailingZeroBitCount)
        }
        guard bottom >= 0 else { return nil }
        return PixelRect(x: left, y: top, width: right - left + 1, height: bottom - top + 1)
    }

    /// ORs the ink of `other` into this bitmap with its top-left pixel at (`x`, `y`); whatever falls
    /// outside this bitmap is dropped.
    public mutating func blit(_ other: MonochromeBitmap, atX x: Int, y: Int) {
        let firstRow = max(0, -y), lastRow = min(other.height, height - y)
        guard firstRow < lastRow, x < width, x + other.width > 0 else { return }
        let shift = x & 7
        for row in firstRow ..< lastRow {
            let source = row * other.bytesPerRow
            let target = (y + row) * bytesPerRow
            for column in 0 ..< other.bytesPerRow {
                let byte = other.bits[source + column]
                guard byte != 0 else { continue }
                let left = x + column * 8
                if left >= 0, left + 8 <= width {
                    // All eight pixels land inside: shift the byte across at most two target bytes.
                    let index = target + (left >> 3)
                    bits[index] |= byte >> UInt8(shift)
                    if shift != 0 { bits[index + 1] |= byte << UInt8(8 - shift) }
                } else {
                    for bit in 0 ..< 8 where (byte & (0x80 >> UInt8(bit))) != 0 {
                        let column = left + bit
                        if column >= 0, column < width {
                            bits[target + (column >> 3)] |= 0x80 >> UInt8(column & 7)
                        }
                    }
                }
            }
        }
    }

    /// The part of this bitmap inside `rect` (clipped to the bitmap; empty when they do not meet).
    public func cropped(to rect: PixelRect) -> MonochromeBitmap {
        let left = max(0, rect.x), top = max(0, rect.y)
        let right = min(width, rect.maxX), bottom = min(height, rect.maxY)
        guard left < right, top < bottom else { return MonochromeBitmap(width: 0, height: 0) }
        var result = MonochromeBitmap(width: right - left, height: bottom - top)
        for y in top ..< bottom {
            for x in left ..< right where self[x, y] {
                result[x - left, y - top] = true
            }
        }
        return result
    }

    /// This bitmap placed in a blank one `width` wide (same height) at the side `alignment` says;
    /// a bitmap already at least that wide is returned unchanged.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> MonochromeBitmap {
        guard width > self.width else { return self }
        var result = MonochromeBitmap(width: width, height: height)
        result.blit(self, atX: alignment.offset(lineWidth: self.width, boxWidth: width), y: 0)
        return result
    }

    /// This bitmap enlarged `factor` times in both directions, each pixel becoming a `factor`×`factor`
    /// square (nearest neighbour). A factor below 2 returns the bitmap unchanged.
    public func scaled(by factor: Int) -> MonochromeBitmap {
        guard factor > 1 else { return self }
        var result = MonochromeBitmap(width: width * factor, height: height * factor)
        for y in 0 ..< height {
            var row = [UInt8](repeating: 0, count: result.bytesPerRow)
            for x in 0 ..< width where self[x, y] {
                for column in x * factor ..< (x + 1) * factor {
                    row[column >> 3] |= 0x80 >> UInt8(column & 7)
                }
            }
            for copy in 0 ..< factor {
                let start = (y * factor + copy) * result.bytesPerRow
                result.bits.replaceSubrange(start ..< start + result.bytesPerRow, with: row)
            }
        }
        return result
    }

    /// Zeroes the bits past `width` in the last byte of every row.
    private mutating func clearPadding() {
        let spare = bytesPerRow * 8 - width
        guard spare > 0 else { return }
        let mask = UInt8(truncatingIfNeeded: 0xFF << spare)
        for y in 0 ..< height {
            bits[(y + 1) * bytesPerRow - 1] &= mask
        }
    }
}
