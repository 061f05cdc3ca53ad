/// A PDF page size in points (1/72 inch), portrait when width < height.
public struct PageSize: Sendable, Hashable {
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double

    /// A page `width` × `height` points.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO A5 portrait, 148 × 210 mm: 419.53 × 595.28 pt.
    public static let a5 = PageSize(width: 419.53, height: 595.28)
    /// ISO A4 portrait, 210 × 297 mm: 595.28 × 841.89 pt.
    public static let a4 = PageSize(width: 595.28, height: 841.89)

    /// The same page in landscape orientation: the longer side across.
    public var landscape: PageSize { PageSize(width: max(width, height), height: min(width, height)) }

    /// The number of pixels across and down a bitmap must have to fill this page at `dpi` dots per inch.
    public func pixelSize(dpi: Int) -> (width: Int, height: Int) {
        ((width * Double(dpi) / 72).rounded().asInt, (height * Double(dpi) / 72).rounded().asInt)
    }
}

extension Double {
    /// The value as an Int, 0 when it is not finite or does not fit.
    fileprivate var asInt: Int {
        guard isFinite, abs(self) < 1e15 else { return 0 }
        return Int(self)
    }
}
