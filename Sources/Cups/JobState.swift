/// A job's state as IPP's `job-state` gives it.
public enum JobState: String, Sendable, Hashable, CaseIterable {
    /// Waiting for its printer (3).
    case pending
    /// Held, e.g. until a time or by an operator (4).
    case held
    /// Being sent to the printer (5). A job whose printer is offline stays here while the backend retries.
    case processing
    /// Stopped by a fault (6).
    case stopped
    /// Cancelled by a user or an operator (7).
    case canceled
    /// Aborted by the system (8).
    case aborted
    /// Sent to the printer in full (9).
    case completed

    /// The state for an IPP `job-state` enum value, or `nil` for an unknown value.
    public init?(ippValue: Int) {
        switch ippValue {
        case 3: self = .pending
        case 4: self = .held
        case 5: self = .processing
        case 6: self = .stopped
        case 7: self = .canceled
        case 8: self = .aborted
        case 9: self = .completed
        default: return nil
        }
    }

    /// Whether the job has ended and its state will not change again (canceled, aborted or completed).
    public var isFinal: Bool {
        switch self {
        case .canceled, .aborted, .completed: true
        case .pending, .held, .processing, .stopped: false
        }
    }
}
