/// Why text could not be rasterised or a bitmap could not be read, written or encoded.
///
/// Every case names what was wrong — the file, the character, FreeType's error number — so that its
/// ``description`` alone is enough in a log line.
public enum RasterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// FreeType could not open the font file at `path`; `code` is FreeType's error number and `reason` its meaning.
    case fontOpenFailed(path: String, code: Int32, reason: String)
    /// A FreeType call other than opening the font failed (`operation` says which, for which glyph or size).
    case freeTypeFailed(operation: String, path: String, code: Int32, reason: String)
    /// The font at `fontPath` has no glyph for `character` (one of its Unicode scalars is not in the font's cmap).
    case missingGlyph(Character, fontPath: String)
    /// A pixel height outside `FontRasterizer.pixelHeightRange`.
    case invalidPixelHeight(Int)
    /// A maximum line width that is not at least one pixel.
    case invalidMaxWidth(Int)
    /// Packed bitmap bytes whose count does not match `height × bytesPerRow` for the size given.
    case packedByteCountMismatch(width: Int, height: Int, expected: Int, actual: Int)
    /// Data that is not a PBM file this reader accepts (P1 or P4); `reason` says where it went wrong.
    case invalidPBM(reason: String)
    /// A bitmap with no pixels, which PNG and PDF cannot hold.
    case emptyBitmap(width: Int, height: Int)
    /// A PDF was asked for with no pages.
    case noPages
    /// A PDF page size whose width or height is not a positive finite number of points.
    case invalidPageSize(width: Double, height: Double)

    /// A plain-English explanation that names the offending file, character, value or FreeType error.
    public var description: String {
        switch self {
        case .fontOpenFailed(let path, let code, let reason):
            return "cannot open the font file \(path): FreeType error \(code) (\(reason))"
        case .freeTypeFailed(let operation, let path, let code, let reason):
            return "FreeType failed at \(operation) with the font \(path): error \(code) (\(reason))"
        case .missingGlyph(let character, let fontPath):
            let scalars = character.unicodeScalars.map(RasterError.codePoint).joined(separator: " ")
            // A control or spacing character would be invisible or break the line: give only its code point.
            let shown = character.isWhitespace || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
                ? scalars : "\"\(character)\" (\(scalars))"
            return "the font \(fontPath) has no glyph for the character \(shown)"
        case .invalidPixelHeight(let height):
            return "pixel height \(height) is out of range (1...1000)"
        case .invalidMaxWidth(let width):
            return "maximum line width \(width) is not a positive number of pixels"
        case .packedByteCountMismatch(let width, let height, let expected, let actual):
            return "a \(width)×\(height) bitmap needs \(expected) packed bytes, got \(actual)"
        case .invalidPBM(let reason):
            return "not a readable PBM file: \(reason)"
        case .emptyBitmap(let width, let height):
            return "a \(width)×\(height) bitmap has no pixels and cannot be encoded"
        case .noPages:
            return "a PDF document needs at least one page"
        case .invalidPageSize(let width, let height):
            return "page size \(width) × \(height) pt is not a positive finite size"
        }
    }

    /// `U+1EDC` style notation for one scalar.
    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
