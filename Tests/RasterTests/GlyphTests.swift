import Foundation
import Raster
import Testing

/// Checks that need no reference file: where diacritics put ink, NFC, line heights, errors.
@Suite struct GlyphTests {
    let font: FontRasterizer

    init() throws {
        font = try FontRasterizer.shared()
    }

    /// Ink pixels of `bitmap` inside `rect`.
    private func ink(_ bitmap: MonochromeBitmap, in rect: PixelRect) -> Int {
        bitmap.cropped(to: rect).inkCount
    }

    @Test func hornAndGraveSitAboveTheBodyOfO() throws {
        let plain = try font.render("o", pixelHeight: 32)
        let marked = try font.render("ờ", pixelHeight: 32)
        #expect(plain.height == marked.height)
        let body = try #require(plain.inkBounds)
        let centre = body.x + body.width / 2
        // Above the x-height plain "o" has nothing; "ờ" has the grave on the left and the horn on the right.
        let grave = PixelRect(x: 0, y: 0, width: centre, height: body.y)
        let horn = PixelRect(x: centre + 3, y: 0, width: marked.width, height: body.y)
        #expect(ink(plain, in: PixelRect(x: 0, y: 0, width: plain.width, height: body.y)) == 0)
        #expect(ink(marked, in: grave) >= 6, "no grave accent above ờ")
        #expect(ink(marked, in: horn) >= 3, "no horn at the top right of ờ")
        // Below the x-height "ờ" is the same round body: nearly every ink pixel of "o" is ink there too.
        var shared = 0
        for y in body.y ..< body.maxY {
            for x in body.x ..< body.maxX where plain[x, y] && marked[x, y] {
                shared += 1
            }
        }
        #expect(Double(shared) >= 0.9 * Double(plain.inkCount), "ờ shares \(shared) of o's \(plain.inkCount) pixels")
    }

    @Test func strokedDHasItsBarLeftOfTheStem() throws {
        let plain = try font.render("D", pixelHeight: 32)
        let stroked = try font.render("Đ", pixelHeight: 32)
        #expect(plain != stroked)
        let letter = try #require(plain.inkBounds)
        // The bar crosses the stem and sticks out to its left, where "D" has no ink at all.
        let left = PixelRect(x: 0, y: 0, width: letter.x, height: stroked.height)
        let bar = try #require(stroked.cropped(to: left).inkBounds, "Đ has no bar left of the stem")
        #expect(bar.y > letter.y + letter.height / 4 && bar.maxY < letter.maxY - letter.height / 4,
                "the bar (rows \(bar.y)..<\(bar.maxY)) is not near the middle of \(letter)")
        #expect(stroked.inkCount > plain.inkCount)
    }

    @Test(arguments: ["ế", "Ở", "ẫ", "ự"])
    func decomposedInputRendersLikePrecomposed(_ letter: String) throws {
        let decomposed = letter.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > 1)
        #expect(try font.render(decomposed, pixelHeight: 24) == font.render(letter, pixelHeight: 24))
        #expect(try font.width(of: decomposed, pixelHeight: 24) == font.width(of: letter, pixelHeight: 24))
    }

    @Test func partlyComposedInputRendersLikePrecomposed() throws {
        // "ê" + combining acute (U+0301) is the same letter as "ế" (U+1EBF) once normalised.
        #expect(try font.render("\u{00EA}\u{0301}", pixelHeight: 24) == font.render("\u{1EBF}", pixelHeight: 24))
    }

    @Test(arguments: [12, 16, 20, 24, 32, 48])
    func stackedDiacriticsAreNotClipped(pixelHeight: Int) throws {
        let lineHeight = try font.lineHeight(pixelHeight: pixelHeight)
        let stacked = try font.render("ỞỄẪỸ", pixelHeight: pixelHeight)
        let bare = try font.render("OEAY", pixelHeight: pixelHeight)
        let low = try font.render("gjpqyỵ", pixelHeight: pixelHeight)
        // Every line of one size has the same height, whatever its letters.
        #expect(stacked.height == lineHeight && bare.height == lineHeight && low.height == lineHeight)
        #expect(try font.render("-", pixelHeight: pixelHeight).height == lineHeight)
        let marks = try #require(stacked.inkBounds)
        let capitals = try #require(bare.inkBounds)
        // The top row stays blank: the tallest marks are whole, with room to spare.
        #expect(marks.y >= 1, "ink reaches row \(marks.y) at \(pixelHeight) px")
        #expect(ink(stacked, in: PixelRect(x: 0, y: 0, width: stacked.width, height: 1)) == 0)
        // The tone marks are there: each letter has ink above the capital height.
        #expect(marks.y < capitals.y)
        let advance = try font.width(of: "O", pixelHeight: pixelHeight)
        for index in 0 ..< 4 {
            let x = try font.width(of: String("ỞỄẪỸ".prefix(index)), pixelHeight: pixelHeight)
            let above = PixelRect(x: x, y: 0, width: advance, height: capitals.y)
            #expect(ink(stacked, in: above) > 0, "no mark above letter \(index) at \(pixelHeight) px")
        }
        let descenders = try #require(low.inkBounds)
        #expect(descenders.maxY <= lineHeight)
    }

    @Test func everyVietnameseLetterHasAGlyph() throws {
        var letters = "ơƠưƯđĐăĂâÂêÊôÔ"
        letters += String(String.UnicodeScalarView((0x1EA0 ... 0x1EF9).compactMap(Unicode.Scalar.init)))
        for letter in letters {
            #expect(throws: Never.self) { try font.render(String(letter), pixelHeight: 24) }
            #expect(try font.render(String(letter), pixelHeight: 24).inkCount > 0, "\(letter) has no ink")
        }
    }

    @Test(arguments: ["漢", "\u{E000}"])
    func missingGlyphIsAnError(_ character: String) throws {
        let error = #expect(throws: RasterError.self) {
            try font.render("Số \(character) 5", pixelHeight: 24)
        }
        #expect(error == .missingGlyph(Character(character), fontPath: FontRasterizer.defaultFontPath))
        let description = error?.description ?? ""
        #expect(description.contains(character) && description.contains(FontRasterizer.defaultFontPath))
        #expect(throws: RasterError.self) { try font.width(of: character, pixelHeight: 24) }
    }

    @Test func badFontPathIsAnErrorNamingThePath() throws {
        let path = "/nonexistent/motcua/NoSuchFont.ttf"
        let error = #expect(throws: RasterError.self) { try FontRasterizer(fontPath: path) }
        guard case .fontOpenFailed(let named, let code, _) = error else {
            Issue.record("expected fontOpenFailed, got \(String(describing: error))")
            return
        }
        #expect(named == path && code != 0)
        let description = error?.description ?? ""
        #expect(description.contains(path) && description.contains("FreeType error \(code)"), "\(description)")
    }

    @Test func fileThatIsNotAFontIsAnError() throws {
        guard let url = Bundle.module.url(forResource: "moi-cong-dan-24", withExtension: "pbm", subdirectory: "Resources")
        else {
            Issue.record("the reference PBM is not in the test bundle")
            return
        }
        let error = #expect(throws: RasterError.self) { try FontRasterizer(fontPath: url.path) }
        #expect(error == .fontOpenFailed(path: url.path, code: 2, reason: "unknown file format"))
    }

    @Test func boldFontOpensAndIsHeavier() throws {
        let bold = try FontRasterizer.shared(fontPath: FontRasterizer.defaultBoldFontPath)
        #expect(try bold.render("A001", pixelHeight: 48).inkCount > font.render("A001", pixelHeight: 48).inkCount)
    }

    @Test func badSizesAreErrors() throws {
        #expect(throws: RasterError.invalidPixelHeight(0)) { try font.render("a", pixelHeight: 0) }
        #expect(throws: RasterError.invalidMaxWidth(0)) { try font.wrap("a", pixelHeight: 24, maxWidth: 0) }
    }
}
