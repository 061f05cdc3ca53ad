/// Whether a counter (quầy) is calling citizens.
public enum CounterState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Staffed and calling.
    case open
    /// Staffed but not calling for a while.
    case paused
    /// Not staffed.
    case closed
}
