/// A rectangle of whole pixels: `x`, `y` is the top-left pixel, rows grow downwards.
public struct PixelRect: Sendable, Hashable, CustomStringConvertible {
    /// Leftmost column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Number of columns.
    public var width: Int
    /// Number of rows.
    public var height: Int

    /// Creates a rectangle from its top-left pixel and its size.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// One past the rightmost column (`x + width`).
    public var maxX: Int { x + width }
    /// One past the bottom row (`y + height`).
    public var maxY: Int { y + height }

    /// `x,y widthxheight`, for test messages.
    public var description: String { "\(x),\(y) \(width)x\(height)" }
}
