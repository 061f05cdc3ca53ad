import Foundation
import Raster
import Testing

/// PNG files checked by the real decoders: pngcheck for the structure, ImageMagick for the pixels.
@Suite struct PNGEncoderTests {
    /// Encodes `bitmap`, has pngcheck validate the file and ImageMagick turn it back into a PBM.
    private func roundTrip(_ bitmap: MonochromeBitmap, scale: Int = 1) throws -> MonochromeBitmap {
        let directory = try TestFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("picture.png")
        let pbm = directory.appendingPathComponent("picture.pbm")
        try PNGEncoder.encode(bitmap, scale: scale).write(to: png)

        let check = try ExternalTool.pngcheck.run(["-v", png.path])
        #expect(check.status == 0, "pngcheck: \(check.text)")
        #expect(check.text.contains("1-bit grayscale"), "pngcheck: \(check.text)")

        let convert = try ExternalTool.convert.run([png.path, pbm.path])
        #expect(convert.status == 0, "convert: \(convert.text)")
        return try MonochromeBitmap(pbm: Data(contentsOf: pbm))
    }

    @Test func textLineSurvivesImageMagick() throws {
        let line = try FontRasterizer.shared().render("Quầy 5 — Ủy ban nhân dân", pixelHeight: 24)
        #expect(try roundTrip(line) == line)
    }

    @Test func scaledPatternSurvivesImageMagick() throws {
        #expect(try roundTrip(MonochromeBitmapTests.pattern(), scale: 4) == MonochromeBitmapTests.pattern().scaled(by: 4))
    }

    @Test func pictureNeedingSeveralStoredBlocksSurvivesImageMagick() throws {
        // 2001 × 300 px: 251 bytes a scanline with its filter byte, 75 300 bytes in all, so two stored blocks.
        var bitmap = MonochromeBitmap(width: 2001, height: 300)
        for y in 0 ..< 300 {
            for x in stride(from: y % 7, to: 2001, by: 7) { bitmap[x, y] = true }
        }
        bitmap[2000, 299] = true
        #expect(try roundTrip(bitmap) == bitmap)
    }

    @Test func headerSaysGreyscaleOneBit() throws {
        let bytes = [UInt8](try PNGEncoder.encode(MonochromeBitmapTests.pattern()))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: length 13, "IHDR", width 10, height 2, depth 1, colour type 0.
        #expect(Array(bytes[8 ..< 16]) == [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        #expect(Array(bytes[16 ..< 26]) == [0, 0, 0, 10, 0, 0, 0, 2, 1, 0])
    }

    @Test func emptyBitmapIsAnError() {
        #expect(throws: RasterError.emptyBitmap(width: 0, height: 5)) {
            try PNGEncoder.encode(MonochromeBitmap(width: 0, height: 5))
        }
    }
}
