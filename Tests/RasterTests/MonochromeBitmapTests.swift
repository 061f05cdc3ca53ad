import Foundation
import Raster
import Testing

@Suite struct MonochromeBitmapTests {
    /// 10×2: row 0 has pixels 0, 2 and 9; row 1 is all ink.
    static func pattern() -> MonochromeBitmap {
        var bitmap = MonochromeBitmap(width: 10, height: 2)
        for x in [0, 2, 9] { bitmap[x, 0] = true }
        for x in 0 ..< 10 { bitmap[x, 1] = true }
        return bitmap
    }

    @Test func packedBytesAreRowsMSBFirstPaddedToBytes() throws {
        let bitmap = Self.pattern()
        #expect(bitmap.bytesPerRow == 2)
        #expect(bitmap.packedBytes == [0b1010_0000, 0b0100_0000, 0b1111_1111, 0b1100_0000])
        #expect(bitmap.rowBytes(at: 0) == [0xA0, 0x40])
        #expect(bitmap.rowBytes(at: 1) == [0xFF, 0xC0])
        #expect(bitmap.rowBytes(at: 2) == [])
        #expect(bitmap.inkCount == 13)
        // Padding bits given as ink are dropped, so equal pixels mean equal bitmaps.
        #expect(try MonochromeBitmap(width: 10, height: 2, packedBytes: [0xA0, 0x7F, 0xFF, 0xFF]) == bitmap)
        #expect(throws: RasterError.packedByteCountMismatch(width: 10, height: 2, expected: 4, actual: 3)) {
            try MonochromeBitmap(width: 10, height: 2, packedBytes: [0, 0, 0])
        }
    }

    @Test func pixelsOutsideReadAsPaperAndIgnoreWrites() {
        var bitmap = MonochromeBitmap(width: 3, height: 3)
        bitmap[-1, 0] = true
        bitmap[3, 0] = true
        bitmap[0, 3] = true
        #expect(bitmap.inkCount == 0)
        #expect(!bitmap[5, 5])
        #expect(bitmap.inkBounds == nil)
    }

    @Test func blitOrsInkAndClipsAtEveryEdge() {
        var source = MonochromeBitmap(width: 11, height: 3)
        for x in 0 ..< 11 { source[x, 1] = true }
        source[0, 0] = true
        source[10, 2] = true
        for (x, y) in [(0, 0), (3, 2), (-4, -1), (15, 5), (-20, 0), (0, 30), (7, -2)] {
            var target = MonochromeBitmap(width: 20, height: 6)
            target[19, 5] = true
            target.blit(source, atX: x, y: y)
            for ty in 0 ..< 6 {
                for tx in 0 ..< 20 {
                    let expected = (tx == 19 && ty == 5) || source[tx - x, ty - y]
                    #expect(target[tx, ty] == expected, "blit at \(x),\(y): pixel \(tx),\(ty)")
                }
            }
        }
    }

    @Test func inkBoundsCropPadAndScale() throws {
        var bitmap = MonochromeBitmap(width: 30, height: 10)
        bitmap[5, 2] = true
        bitmap[17, 7] = true
        let bounds = try #require(bitmap.inkBounds)
        #expect(bounds == PixelRect(x: 5, y: 2, width: 13, height: 6))
        let cropped = bitmap.cropped(to: bounds)
        #expect(cropped.width == 13 && cropped.height == 6 && cropped[0, 0] && cropped[12, 5] && cropped.inkCount == 2)
        #expect(bitmap.cropped(to: PixelRect(x: 25, y: 8, width: 50, height: 50)).width == 5)
        #expect(bitmap.cropped(to: PixelRect(x: 40, y: 0, width: 5, height: 5)).width == 0)

        let padded = cropped.padded(toWidth: 21, alignment: .center)
        #expect(padded.width == 21 && padded[4, 0] && padded[16, 5])
        #expect(cropped.padded(toWidth: 20, alignment: .right)[19, 5])
        #expect(cropped.padded(toWidth: 5) == cropped)

        let scaled = Self.pattern().scaled(by: 3)
        #expect(scaled.width == 30 && scaled.height == 6 && scaled.inkCount == 13 * 9)
        for y in 0 ..< 6 {
            for x in 0 ..< 30 {
                #expect(scaled[x, y] == Self.pattern()[x / 3, y / 3])
            }
        }
        #expect(Self.pattern().scaled(by: 0) == Self.pattern())
    }

    @Test func pbmRoundTrip() throws {
        let line = try FontRasterizer.shared().render("Đơn vị: UBND phường", pixelHeight: 20)
        let data = line.pbm
        #expect(data.starts(with: Data("P4\n\(line.width) \(line.height)\n".utf8)))
        #expect(try MonochromeBitmap(pbm: data) == line)
        #expect(try MonochromeBitmap(pbm: Self.pattern().pbm) == Self.pattern())
    }

    @Test func plainAndCommentedPBMRead() throws {
        let plain = "P1\n# made by hand\n10 # width\n2\n1 0 1 0 0 0 0 0 0 1\n# the second row\n1111111111\n"
        #expect(try MonochromeBitmap(pbm: Data(plain.utf8)) == Self.pattern())
        let binary = Data("P4 # comment\n10 2\n".utf8) + Data([0xA0, 0x40, 0xFF, 0xC0])
        #expect(try MonochromeBitmap(pbm: binary) == Self.pattern())
    }

    @Test func malformedPBMIsAnError() {
        let cases: [String] = ["P5\n1 1\n255\n\0", "P4\n10\n", "P4\n10 2\n\u{1}", "P1\n2 2\n1 0 1", "P1\n1 1\n2"]
        for text in cases {
            #expect(throws: RasterError.self, "\(text.debugDescription)") { try MonochromeBitmap(pbm: Data(text.utf8)) }
        }
    }
}
