/// One element of a printed document, in paper order.
public enum PrintBlock: Sendable, Hashable {
    /// A paragraph, wrapped at the paper's width.
    case text(String, PrintStyle)
    /// An empty line of the style's height.
    case blank(PrintStyle)
    /// A QR code holding the text, aligned as the style says.
    case qrCode(String, PrintStyle)
    /// A line across the paper.
    case rule
    /// Paper fed by this many lines.
    case feed(Int)
    /// The end of a ticket: fed to the cutter and cut (or fed to the tear bar when there is no cutter).
    case cut
}
