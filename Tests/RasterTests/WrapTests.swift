import Raster
import Testing

@Suite struct WrapTests {
    static let sentence = "Công dân vui lòng chuẩn bị đầy đủ giấy tờ tùy thân, hồ sơ đăng ký hộ tịch và ngồi chờ"
        + " đến lượt được gọi tại quầy tiếp nhận số năm ở tầng một của Ủy ban nhân dân phường."
    let font: FontRasterizer

    init() throws {
        font = try FontRasterizer.shared()
    }

    @Test func sentenceWrapsTo384DotsAndJoinsBack() throws {
        let lines = try font.wrap(Self.sentence, pixelHeight: 24, maxWidth: 384)
        #expect(lines.count >= 3)
        for line in lines {
            let width = try font.width(of: line, pixelHeight: 24)
            #expect(width <= 384, "\"\(line)\" is \(width) px wide")
            #expect(try font.render(line, pixelHeight: 24).width == width)
        }
        #expect(lines.joined(separator: " ") == Self.sentence)
        // Greedy: the next line's first word would not have fitted on the line before.
        for (line, next) in zip(lines, lines.dropFirst()) {
            let grown = line + " " + String(next.prefix(while: { $0 != " " }))
            #expect(try font.width(of: grown, pixelHeight: 24) > 384, "\"\(grown)\" would have fitted")
        }
    }

    @Test func renderedParagraphIsExactlyTheBoxWide() throws {
        let lines = try font.wrap(Self.sentence, pixelHeight: 24, maxWidth: 384)
        let lineHeight = try font.lineHeight(pixelHeight: 24)
        for alignment in TextAlignment.allCases {
            let bitmap = try font.render(Self.sentence, pixelHeight: 24, maxWidth: 384, alignment: alignment)
            #expect(bitmap.width == 384)
            #expect(bitmap.height == lines.count * lineHeight)
            // Each band of the paragraph is its line, placed as asked.
            for (number, line) in lines.enumerated() {
                let rendered = try font.render(line, pixelHeight: 24)
                let x = alignment == .left ? 0 : alignment == .center ? (384 - rendered.width) / 2 : 384 - rendered.width
                let band = bitmap.cropped(to: PixelRect(x: x, y: number * lineHeight, width: rendered.width, height: lineHeight))
                #expect(band == rendered, "line \(number) \(alignment)")
            }
        }
    }

    @Test func longWordIsBrokenBetweenLetters() throws {
        let word = String(repeating: "Nguyễn", count: 12)
        let lines = try font.wrap("Họ tên: " + word, pixelHeight: 24, maxWidth: 150)
        #expect(lines.first == "Họ tên:")
        #expect(lines.dropFirst().joined() == word)
        for line in lines {
            #expect(try font.width(of: line, pixelHeight: 24) <= 150)
        }
    }

    @Test func newlinesAndSpaceRuns() throws {
        #expect(try font.wrap("Quầy 1\n\nQuầy   2 ", pixelHeight: 24, maxWidth: 384) == ["Quầy 1", "", "Quầy 2"])
        #expect(try font.wrap("", pixelHeight: 24, maxWidth: 384) == [""])
    }

    @Test func wrappedLinesAreNFC() throws {
        let decomposed = "Hu\u{031B}\u{0301}ng dâ\u{0303}n"
        let lines = try font.wrap(decomposed, pixelHeight: 24, maxWidth: 384)
        // String's == ignores normalisation, so compare the scalars.
        #expect(lines.map { Array($0.unicodeScalars) } == [Array("H\u{1EE9}ng d\u{1EAB}n".unicodeScalars)])
    }

    @Test func tenLineTicketRendersQuickly() throws {
        let lines = [
            "BỘ PHẬN MỘT CỬA", "UBND PHƯỜNG BẾN NGHÉ", "Số thứ tự của quý khách", "A001", "Quầy 5 — Hộ tịch",
            "Đang chờ: 12 người", "Thời gian: 08:15 03/12/2026", "Vui lòng chờ đến lượt", "Cảm ơn quý khách", "motcua",
        ]
        for line in lines { _ = try font.render(line, pixelHeight: 24, maxWidth: 384, alignment: .center) }
        let elapsed = try ContinuousClock().measure {
            for line in lines { _ = try font.render(line, pixelHeight: 24, maxWidth: 384, alignment: .center) }
        }
        // About 1 ms in a debug build; the bound only catches a gross slowdown on a busy machine.
        #expect(elapsed < .milliseconds(100), "a 10-line ticket took \(elapsed)")
    }
}
