/// QR code error correction level (`GS ( k` function 169, parameter `n = 48…51`).
public enum EscPosQRErrorLevel: UInt8, Sendable, Hashable, CaseIterable {
    /// About 7 % of the symbol may be lost.
    case low = 0x30
    /// About 15 %.
    case medium = 0x31
    /// About 25 %.
    case quartile = 0x32
    /// About 30 %.
    case high = 0x33
}
