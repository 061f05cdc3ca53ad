/// A printer's state as IPP's `printer-state` gives it.
public enum PrinterState: String, Sendable, Hashable, CaseIterable {
    /// Ready, no job printing (3).
    case idle
    /// Printing a job (4). A job that cannot reach its printer also keeps the queue here.
    case processing
    /// Stopped: disabled with `cupsdisable`, or stopped by a fault (5).
    case stopped

    /// The state for an IPP `printer-state` enum value, or `nil` for an unknown value.
    public init?(ippValue: Int) {
        switch ippValue {
        case 3: self = .idle
        case 4: self = .processing
        case 5: self = .stopped
        default: return nil
        }
    }
}
