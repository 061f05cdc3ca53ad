import Raster
import Testing

/// Error texts a person reads in the log.
@Suite struct RasterErrorTests {
    @Test func missingControlCharacterIsNamedByCodePoint() {
        let error = RasterError.missingGlyph("\n", fontPath: "/f.ttf")
        #expect(error.description == "the font /f.ttf has no glyph for the character U+000A")
        let han = RasterError.missingGlyph("漢", fontPath: "/f.ttf")
        #expect(han.description == "the font /f.ttf has no glyph for the character \"漢\" (U+6F22)")
    }

    @Test func newlineInASingleLineIsAnError() throws {
        #expect(throws: RasterError.missingGlyph("\n", fontPath: FontRasterizer.defaultFontPath)) {
            try FontRasterizer.shared().render("Quầy 1\nQuầy 2", pixelHeight: 24)
        }
    }
}
