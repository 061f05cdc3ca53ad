/// Horizontal alignment of the following lines (`ESC a n`).
public enum EscPosJustification: UInt8, Sendable, Hashable, CaseIterable {
    /// `n = 0`: flush left.
    case left = 0
    /// `n = 1`: centred.
    case center = 1
    /// `n = 2`: flush right.
    case right = 2
}
