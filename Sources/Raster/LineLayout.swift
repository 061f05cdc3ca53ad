/// A line of text laid out with its glyphs' pen positions, ready to measure or draw.
struct LineLayout {
    /// Each glyph with the x of the pen (in whole pixels, from the line's start) where it is drawn.
    let placements: [(glyph: GlyphImage, penX: Int)]
    /// The leftmost pixel used, relative to the line's start: 0, or less when a glyph overhangs to the left.
    let minX: Int
    /// One past the rightmost pixel used: the advance width or the rightmost ink, whichever is further.
    let maxX: Int
    /// The line's vertical space.
    let metrics: LineMetrics

    /// The width of the bitmap this line renders to.
    var width: Int { maxX - minX }

    /// The line drawn into a bitmap ``width`` wide and `metrics.height` high, baseline at `metrics.ascent`.
    func render() -> MonochromeBitmap {
        var bitmap = MonochromeBitmap(width: width, height: metrics.height)
        for (glyph, penX) in placements where glyph.bitmap.width > 0 {
            bitmap.blit(glyph.bitmap, atX: penX + glyph.left - minX, y: metrics.ascent - glyph.top)
        }
        return bitmap
    }
}
