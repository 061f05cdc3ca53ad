import Foundation
import Raster
import Testing

/// A ticket line rendered exactly as the committed reference, which a person looked at and found correct.
///
/// The reference depends on the FreeType and DejaVu versions (Debian bookworm's libfreetype6 2.12.1 and
/// fonts-dejavu-core 2.37); after an upgrade that changes hinting, look at the artefacts and renew it.
@Suite struct ReferenceBitmapTests {
    static let line = "Mời công dân số A001 đến quầy 5"

    @Test func ticketLineMatchesTheReference() throws {
        guard let url = Bundle.module.url(forResource: "moi-cong-dan-24", withExtension: "pbm", subdirectory: "Resources")
        else {
            Issue.record("Resources/moi-cong-dan-24.pbm is not in the test bundle")
            return
        }
        let expected = try MonochromeBitmap(pbm: Data(contentsOf: url))
        let actual = try FontRasterizer.shared().render(Self.line, pixelHeight: 24)
        if actual != expected {
            let written = try Self.writeArtefacts(expected: expected, actual: actual)
            Issue.record("\"\(Self.line)\" at 24 px differs from the reference; see \(written.joined(separator: ", "))")
        }
    }

    /// Writes the actual bitmap (PBM and PNG) and a picture of expected / actual / differing pixels.
    private static func writeArtefacts(expected: MonochromeBitmap, actual: MonochromeBitmap) throws -> [String] {
        let directory = try TestFiles.artifactsDirectory()
        let width = max(expected.width, actual.width), height = max(expected.height, actual.height)
        var difference = MonochromeBitmap(width: width, height: height)
        for y in 0 ..< height {
            for x in 0 ..< width where expected[x, y] != actual[x, y] {
                difference[x, y] = true
            }
        }
        let gap = 6
        var sheet = MonochromeBitmap(width: width, height: height * 3 + gap * 2)
        sheet.blit(expected, atX: 0, y: 0)
        sheet.blit(actual, atX: 0, y: height + gap)
        sheet.blit(difference, atX: 0, y: (height + gap) * 2)
        let actualPBM = directory.appendingPathComponent("moi-cong-dan-24.actual.pbm")
        let actualPNG = directory.appendingPathComponent("moi-cong-dan-24.actual.png")
        let diffPNG = directory.appendingPathComponent("moi-cong-dan-24.diff.png")
        try actual.pbm.write(to: actualPBM)
        try PNGEncoder.encode(actual, scale: 4).write(to: actualPNG)
        try PNGEncoder.encode(sheet, scale: 4).write(to: diffPNG)
        return [actualPBM.path, actualPNG.path, diffPNG.path + " (expected, actual, differing pixels)"]
    }
}
