/// One glyph rendered at one pixel height, as FreeType placed it relative to the pen.
struct GlyphImage: Sendable {
    /// The glyph's ink (empty for a space).
    let bitmap: MonochromeBitmap
    /// Columns from the pen position to the bitmap's left edge (FreeType's `bitmap_left`).
    let left: Int
    /// Rows from the baseline up to the bitmap's top edge (FreeType's `bitmap_top`).
    let top: Int
    /// How far the pen moves after this glyph, in 1/64 pixel (hinted, so a whole number of pixels).
    let advance: Int
}
