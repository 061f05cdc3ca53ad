/// How much of a QR code may be damaged or hidden and still be read, at the cost of capacity.
///
/// The four levels of ISO/IEC 18004 recover roughly 7 %, 15 %, 25 % and 30 % of the codewords.
public enum QRErrorCorrection: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Level L: about 7 % of the codewords can be restored; the most capacity.
    case low = "L"
    /// Level M: about 15 % of the codewords can be restored; the usual choice for printed tickets.
    case medium = "M"
    /// Level Q: about 25 % of the codewords can be restored.
    case quartile = "Q"
    /// Level H: about 30 % of the codewords can be restored; the least capacity.
    case high = "H"

    /// The level's letter: `L`, `M`, `Q` or `H`.
    public var description: String { rawValue }

    /// The two bits that stand for the level in the format information (L 01, M 00, Q 11, H 10).
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }

    /// The level's column in the capacity tables, L M Q H in that order.
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }
}
