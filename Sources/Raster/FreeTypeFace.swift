import CFreeType

/// A FreeType library with one face opened from a font file, and the glyphs rendered from it.
///
/// Not thread-safe (neither FreeType objects nor the caches are): ``FontRasterizer`` keeps it behind a
/// mutex. Non-copyable, so that the face and library are released exactly once, when it goes away.
struct FreeTypeFace: ~Copyable {
    /// `FT_LOAD_TARGET_MONO`, a function-like C macro that Swift does not import:
    /// `(FT_RENDER_MODE_MONO & 15) << 16`. It selects the hinting meant for 1-bit output (FreeType's
    /// TrueType interpreter then runs the font's full bytecode hinting, which keeps stems one solid pixel).
    private static let loadTargetMono = Int32(bitPattern: (FT_RENDER_MODE_MONO.rawValue & 15) << 16)
    /// Glyphs kept before the cache is emptied, so that many sizes cannot grow it without bound.
    private static let glyphCacheLimit = 8192
    /// Letters whose marks reach highest above or lowest below the line: they set every line's height so
    /// that Vietnamese stacked diacritics (Ở, Ẫ, Ỗ) and dots below (Ỵ, ặ) are never clipped.
    private static let ascentProbes = "ẪẲẴẨỖỔỞỠỄỂỸỶỦỬỮÅ"
    private static let descentProbes = "gjpqyỵỴẶặḌḍ"

    /// The font file this face came from.
    let path: String
    private let library: FT_Library
    private let face: FT_Face
    private let hasKerning: Bool
    private var currentPixelHeight = 0
    private var glyphs: [GlyphCacheKey: GlyphImage] = [:]
    private var lineMetrics: [Int: LineMetrics] = [:]

    /// Opens face 0 of the font file at `path`.
    ///
    /// - Throws: ``RasterError/fontOpenFailed(path:code:reason:)`` with FreeType's error.
    init(path: String) throws(RasterError) {
        var library: FT_Library?
        let initError = FT_Init_FreeType(&library)
        guard initError == 0, let library else {
            let reason = "FT_Init_FreeType: " + FreeTypeErrorText.reason(for: initError)
            throw .fontOpenFailed(path: path, code: initError, reason: reason)
        }
        var face: FT_Face?
        let openError = FT_New_Face(library, path, 0, &face)
        guard openError == 0, let face else {
            FT_Done_FreeType(library)
            throw .fontOpenFailed(path: path, code: openError, reason: FreeTypeErrorText.reason(for: openError))
        }
        self.path = path
        self.library = library
        self.face = face
        self.hasKerning = face.pointee.face_flags & FT_Long(FT_FACE_FLAG_KERNING) != 0
    }

    deinit {
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }

    /// Lays out `text` (already NFC) on one line: FreeType's hinted advances plus kerning pairs.
    ///
    /// - Throws: ``RasterError/missingGlyph(_:fontPath:)`` for a character the font lacks.
    mutating func layout(_ text: String, pixelHeight: Int) throws(RasterError) -> LineLayout {
        let metrics = try self.metrics(pixelHeight: pixelHeight)
        var placements: [(glyph: GlyphImage, penX: Int)] = []
        placements.reserveCapacity(text.unicodeScalars.count)
        var pen = 0  // 1/64 pixel
        var previous: UInt32 = 0
        var minX = 0, maxX = 0
        for character in text {
            for scalar in character.unicodeScalars {
                let index = FT_Get_Char_Index(face, FT_ULong(scalar.value))
                guard index != 0 else { throw .missingGlyph(character, fontPath: path) }
                if hasKerning, previous != 0 {
                    pen += try kerning(previous, index, pixelHeight: pixelHeight)
                }
                let glyph = try self.glyph(index, pixelHeight: pixelHeight, scalar: scalar)
                let penX = (pen + 32) >> 6
                if glyph.bitmap.width > 0 {
                    minX = min(minX, penX + glyph.left)
                    maxX = max(maxX, penX + glyph.left + glyph.bitmap.width)
                }
                placements.append((glyph, penX))
                pen += glyph.advance
                previous = index
            }
        }
        maxX = max(maxX, (pen + 32) >> 6)
        return LineLayout(placements: placements, minX: minX, maxX: maxX, metrics: metrics)
    }

    /// The line box at `pixelHeight`: the face's ascender and descender at that size, widened where the
    /// probe letters' rendered ink reaches further, with one blank row kept above the tallest mark.
    mutating func metrics(pixelHeight: Int) throws(RasterError) -> LineMetrics {
        if let known = lineMetrics[pixelHeight] { return known }
        try setPixelHeight(pixelHeight)
        // Scaled metrics are 26.6 fixed point; FreeType rounds them outwards for hinted TrueType faces.
        let sizeMetrics = face.pointee.size.pointee.metrics
        var ascent = (Int(sizeMetrics.ascender) + 63) >> 6
        var descent = (-Int(sizeMetrics.descender) + 63) >> 6
        for scalar in Self.ascentProbes.unicodeScalars {
            let index = FT_Get_Char_Index(face, FT_ULong(scalar.value))
            guard index != 0 else { continue }
            let glyph = try self.glyph(index, pixelHeight: pixelHeight, scalar: scalar)
            ascent = max(ascent, glyph.top + 1)
        }
        for scalar in Self.descentProbes.unicodeScalars {
            let index = FT_Get_Char_Index(face, FT_ULong(scalar.value))
            guard index != 0 else { continue }
            let glyph = try self.glyph(index, pixelHeight: pixelHeight, scalar: scalar)
            descent = max(descent, glyph.bitmap.height - glyph.top)
        }
        let metrics = LineMetrics(ascent: ascent, descent: descent)
        lineMetrics[pixelHeight] = metrics
        return metrics
    }

    /// The glyph `index` rendered in 1-bit mode at `pixelHeight`, from the cache when it was seen before.
    private mutating func glyph(_ index: UInt32, pixelHeight: Int, scalar: Unicode.Scalar) throws(RasterError)
        -> GlyphImage
    {
        let key = GlyphCacheKey(glyphIndex: index, pixelHeight: pixelHeight)
        if let cached = glyphs[key] { return cached }
        try setPixelHeight(pixelHeight)
        let loadError = FT_Load_Glyph(face, index, Self.loadTargetMono)
        guard loadError == 0 else { throw failure("FT_Load_Glyph for \(Self.name(scalar))", loadError) }
        // `glyph` is the face's one glyph slot, allocated with the face and never nil for an open face.
        guard let slot = face.pointee.glyph else {
            throw failure("reading the glyph slot for \(Self.name(scalar))", 0x25)
        }
        let renderError = FT_Render_Glyph(slot, FT_RENDER_MODE_MONO)
        guard renderError == 0 else { throw failure("FT_Render_Glyph for \(Self.name(scalar))", renderError) }
        let image = GlyphImage(
            bitmap: try monochrome(slot.pointee.bitmap),
            left: Int(slot.pointee.bitmap_left),
            top: Int(slot.pointee.bitmap_top),
            advance: Int(slot.pointee.advance.x))
        if glyphs.count >= Self.glyphCacheLimit { glyphs.removeAll(keepingCapacity: true) }
        glyphs[key] = image
        return image
    }

    /// The kerning between two glyphs at `pixelHeight`, in 1/64 pixel, grid-fitted.
    private mutating func kerning(_ left: UInt32, _ right: UInt32, pixelHeight: Int) throws(RasterError) -> Int {
        try setPixelHeight(pixelHeight)
        var delta = FT_Vector()
        let error = FT_Get_Kerning(face, left, right, FT_KERNING_DEFAULT.rawValue, &delta)
        guard error == 0 else { throw failure("FT_Get_Kerning", error) }
        return Int(delta.x)
    }

    private mutating func setPixelHeight(_ pixelHeight: Int) throws(RasterError) {
        guard pixelHeight != currentPixelHeight else { return }
        let error = FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixelHeight))
        guard error == 0 else { throw failure("FT_Set_Pixel_Sizes(\(pixelHeight))", error) }
        currentPixelHeight = pixelHeight
    }

    private func failure(_ operation: String, _ code: Int32) -> RasterError {
        .freeTypeFailed(operation: operation, path: path, code: code, reason: FreeTypeErrorText.reason(for: code))
    }

    /// A FreeType 1-bit bitmap copied into a ``MonochromeBitmap`` (same MSB-first packing; FreeType's
    /// pitch may be wider than the packed row, or negative for bottom-up bitmaps).
    private func monochrome(_ source: FT_Bitmap) throws(RasterError) -> MonochromeBitmap {
        let width = Int(source.width), height = Int(source.rows)
        guard width > 0, height > 0, let buffer = source.buffer else {
            return MonochromeBitmap(width: 0, height: 0)
        }
        guard source.pixel_mode == UInt8(FT_PIXEL_MODE_MONO.rawValue) else {
            throw failure("rendering in 1-bit mode (got pixel mode \(source.pixel_mode))", 0x13)
        }
        let pitch = Int(source.pitch)
        let bytesPerRow = (width + 7) / 8
        // With a negative pitch the buffer starts at the bottom row (FreeType's ftbitmap.c convention).
        let top = pitch < 0 ? buffer - pitch * (height - 1) : buffer
        var packed: [UInt8] = []
        packed.reserveCapacity(bytesPerRow * height)
        for row in 0 ..< height {
            let start = top + row * pitch
            packed.append(contentsOf: UnsafeBufferPointer(start: start, count: bytesPerRow))
        }
        return try MonochromeBitmap(width: width, height: height, packedBytes: packed)
    }

    private static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
