/// Where a line narrower than its box is placed horizontally.
public enum TextAlignment: Sendable, Hashable, CaseIterable {
    /// Against the left edge.
    case left
    /// In the middle; an odd leftover pixel goes to the right.
    case center
    /// Against the right edge.
    case right

    /// The x offset of a line `lineWidth` wide in a box `boxWidth` wide (0 when the line does not fit).
    func offset(lineWidth: Int, boxWidth: Int) -> Int {
        let spare = boxWidth - lineWidth
        guard spare > 0 else { return 0 }
        switch self {
        case .left: return 0
        case .center: return spare / 2
        case .right: return spare
        }
    }
}
