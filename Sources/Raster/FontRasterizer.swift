import Foundation
import Synchronization

/// Turns text into 1-bit bitmaps with one TrueType font, through FreeType, for thermal printers and
/// printed forms.
///
/// Glyphs are hinted for monochrome output and rendered in FreeType's 1-bit mode (`FT_RENDER_MODE_MONO`),
/// not rendered grey and thresholded: the font's bytecode hinting then snaps stems and diacritics to whole
/// pixels, which is what gives crisp text on a 203-dpi print head. Text is normalised to NFC first, so a
/// Vietnamese letter always comes from the font's own precomposed glyph (DejaVu Sans has all of them).
///
/// Every line rendered at one pixel height has the same bitmap height (``lineHeight(pixelHeight:)``),
/// tall enough for the highest stacked marks (Ở, Ẫ, Ễ) and the lowest dots below, so lines stack evenly.
///
/// Thread safety: the FreeType face and the glyph cache live in a `Mutex`, so one instance may be shared by
/// any number of tasks; calls on one instance run one at a time.
public final class FontRasterizer: Sendable {
    /// DejaVu Sans (Debian's fonts-dejavu-core).
    public static let defaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    /// DejaVu Sans Bold (Debian's fonts-dejavu-core).
    public static let defaultBoldFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    /// The pixel heights accepted.
    public static let pixelHeightRange = 1 ... 1000

    /// One rasterizer per font path, opened on first use by ``shared(fontPath:)``.
    private static let opened = Mutex<[String: FontRasterizer]>([:])

    /// The font file this rasterizer draws with.
    public let fontPath: String
    private let face: Mutex<FreeTypeFace>

    /// Opens the TrueType (or OpenType) font file at `fontPath`.
    ///
    /// - Throws: ``RasterError/fontOpenFailed(path:code:reason:)`` naming the file and FreeType's error
    ///   when it cannot be opened as a font.
    public init(fontPath: String = FontRasterizer.defaultFontPath) throws(RasterError) {
        self.fontPath = fontPath
        self.face = Mutex(try FreeTypeFace(path: fontPath))
    }

    /// The rasterizer for `fontPath`, opened once per path for the whole process and shared.
    ///
    /// - Throws: ``RasterError/fontOpenFailed(path:code:reason:)`` when the font cannot be opened (nothing
    ///   is remembered then, so a later call tries again).
    public static func shared(fontPath: String = FontRasterizer.defaultFontPath) throws(RasterError) -> FontRasterizer {
        try opened.withLock { (rasterizers) throws(RasterError) -> FontRasterizer in
            if let known = rasterizers[fontPath] { return known }
            let rasterizer = try FontRasterizer(fontPath: fontPath)
            rasterizers[fontPath] = rasterizer
            return rasterizer
        }
    }

    /// The height in pixels of every line rendered at `pixelHeight`.
    ///
    /// - Throws: ``RasterError/invalidPixelHeight(_:)`` outside ``pixelHeightRange``.
    public func lineHeight(pixelHeight: Int) throws(RasterError) -> Int {
        try Self.check(pixelHeight)
        return try face.withLock { (face) throws(RasterError) -> Int in
            try face.metrics(pixelHeight: pixelHeight).height
        }
    }

    /// The width in pixels that ``render(_:pixelHeight:)`` would give `text`, without drawing it.
    ///
    /// - Throws: ``RasterError/missingGlyph(_:fontPath:)`` for a character the font lacks,
    ///   ``RasterError/invalidPixelHeight(_:)`` outside ``pixelHeightRange``.
    public func width(of text: String, pixelHeight: Int) throws(RasterError) -> Int {
        try Self.check(pixelHeight)
        let text = text.precomposedStringWithCanonicalMapping
        return try face.withLock { (face) throws(RasterError) -> Int in
            try face.layout(text, pixelHeight: pixelHeight).width
        }
    }

    /// `text` on one line at `pixelHeight` pixels per em: as wide as its advances and ink, and
    /// ``lineHeight(pixelHeight:)`` high with the baseline at the same row for every line of that size.
    ///
    /// - Throws: ``RasterError/missingGlyph(_:fontPath:)`` for a character the font lacks (a newline
    ///   included: use ``render(_:pixelHeight:maxWidth:alignment:)`` for several lines),
    ///   ``RasterError/invalidPixelHeight(_:)`` outside ``pixelHeightRange``.
    public func render(_ text: String, pixelHeight: Int) throws(RasterError) -> MonochromeBitmap {
        try Self.check(pixelHeight)
        let text = text.precomposedStringWithCanonicalMapping
        return try face.withLock { (face) throws(RasterError) -> MonochromeBitmap in
            try face.layout(text, pixelHeight: pixelHeight).render()
        }
    }

    /// `text` broken into lines at most `maxWidth` pixels wide at `pixelHeight`.
    ///
    /// Lines break at spaces (runs of spaces count as one) and at newlines; a word wider than `maxWidth`
    /// is broken between letters. The lines are NFC.
    ///
    /// - Throws: ``RasterError/invalidMaxWidth(_:)`` when `maxWidth` < 1, and as ``width(of:pixelHeight:)``.
    public func wrap(_ text: String, pixelHeight: Int, maxWidth: Int) throws(RasterError) -> [String] {
        try Self.check(pixelHeight)
        guard maxWidth >= 1 else { throw .invalidMaxWidth(maxWidth) }
        let text = text.precomposedStringWithCanonicalMapping
        return try face.withLock { (face) throws(RasterError) -> [String] in
            try LineBreaker.wrap(text, maxWidth: maxWidth) { (line) throws(RasterError) -> Int in
                try face.layout(line, pixelHeight: pixelHeight).width
            }
        }
    }

    /// `text` wrapped to `maxWidth` (as ``wrap(_:pixelHeight:maxWidth:)``) and drawn line under line in a
    /// bitmap exactly `maxWidth` wide and `lines × lineHeight` high, each line placed by `alignment`.
    ///
    /// - Throws: as ``wrap(_:pixelHeight:maxWidth:)``.
    public func render(
        _ text: String, pixelHeight: Int, maxWidth: Int, alignment: TextAlignment = .left
    ) throws(RasterError) -> MonochromeBitmap {
        try Self.check(pixelHeight)
        guard maxWidth >= 1 else { throw .invalidMaxWidth(maxWidth) }
        let text = text.precomposedStringWithCanonicalMapping
        return try face.withLock { (face) throws(RasterError) -> MonochromeBitmap in
            let lines = try LineBreaker.wrap(text, maxWidth: maxWidth) { (line) throws(RasterError) -> Int in
                try face.layout(line, pixelHeight: pixelHeight).width
            }
            let lineHeight = try face.metrics(pixelHeight: pixelHeight).height
            var bitmap = MonochromeBitmap(width: maxWidth, height: lines.count * lineHeight)
            for (number, line) in lines.enumerated() {
                let rendered = try face.layout(line, pixelHeight: pixelHeight).render()
                let x = alignment.offset(lineWidth: rendered.width, boxWidth: maxWidth)
                bitmap.blit(rendered, atX: x, y: number * lineHeight)
            }
            return bitmap
        }
    }

    private static func check(_ pixelHeight: Int) throws(RasterError) {
        guard pixelHeightRange.contains(pixelHeight) else { throw .invalidPixelHeight(pixelHeight) }
    }
}
