/// A ticket or slip, laid out as blocks; see ``PrintTemplate`` for where it comes from.
public struct PrintDocument: Sendable, Hashable {
    /// The blocks, in paper order.
    public var blocks: [PrintBlock]

    /// Creates a document.
    public init(blocks: [PrintBlock]) {
        self.blocks = blocks
    }

    /// All the text a person reads on it (paragraphs and QR contents), one entry per block, NFC.
    public var texts: [String] {
        blocks.compactMap {
            switch $0 {
            case .text(let text, _), .qrCode(let text, _): text
            default: nil
            }
        }
    }
}
