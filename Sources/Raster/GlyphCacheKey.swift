/// Identifies a rendered glyph in a face's cache: the glyph and the pixel height it was rendered at.
struct GlyphCacheKey: Hashable, Sendable {
    /// FreeType's glyph index in the face.
    let glyphIndex: UInt32
    /// The pixel height (em size in pixels) it was rendered at.
    let pixelHeight: Int
}
