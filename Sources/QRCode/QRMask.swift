/// One of the eight data mask patterns of ISO/IEC 18004: the modules it inverts.
struct QRMask: Sendable, Hashable {
    /// The pattern reference, 0…7, written into the format information.
    let reference: Int

    /// Mask pattern `reference`, which must be in 0…7.
    init(_ reference: Int) {
        precondition((0...7).contains(reference), "QR mask pattern must be in 0…7")
        self.reference = reference
    }

    /// The eight patterns in order.
    static let all: [QRMask] = (0...7).map(QRMask.init)

    /// Whether the mask inverts the module in column `x`, row `y`.
    func inverts(x: Int, y: Int) -> Bool {
        switch reference {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }
}
