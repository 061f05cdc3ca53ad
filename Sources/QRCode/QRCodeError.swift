/// Why a QR code could not be made.
public enum QRCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text's UTF-8 bytes do not fit even a version 40 symbol at that error correction level.
    ///
    /// `byteCount` is the length of the text in UTF-8 bytes, `maximum` the most bytes version 40
    /// holds at `correction` (2953 at L, 2331 at M, 1663 at Q, 1273 at H).
    case textTooLong(byteCount: Int, maximum: Int, correction: QRErrorCorrection)

    /// A sentence saying what went wrong and what would fit.
    public var description: String {
        switch self {
        case let .textTooLong(byteCount, maximum, correction):
            "text too long for a QR code: \(byteCount) UTF-8 bytes, but version 40 holds at most "
                + "\(maximum) bytes at error correction level \(correction)"
        }
    }
}
