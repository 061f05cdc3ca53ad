import Raster

/// How the text lines of a printed document look: alignment, weight and magnification.
public struct PrintStyle: Sendable, Hashable {
    /// Horizontal alignment.
    public var alignment: TextAlignment
    /// Bold (emphasized) text.
    public var bold: Bool
    /// Character magnification, 1…8 (1 = the printer's font A, 12 × 24 dots).
    public var size: Int

    /// Left-aligned, regular, size 1.
    public static let plain = PrintStyle(alignment: .left, bold: false, size: 1)

    /// Creates a style.
    public init(alignment: TextAlignment, bold: Bool, size: Int) {
        self.alignment = alignment
        self.bold = bold
        self.size = size
    }
}
