/// The auto-cutter a printer model has.
public enum PrinterCutter: String, Sendable, Hashable, Codable, CaseIterable {
    /// No cutter: the ticket is torn off by hand (send a feed, never `GS V`).
    case none
    /// Full cuts only.
    case full
    /// Partial cuts (a small tab is left) and full cuts.
    case partial
}
