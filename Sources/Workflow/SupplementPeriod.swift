import Foundation

/// A time the dossier waited for the applicant's supplement (status 5): it does not count against the
/// appointment.
public struct SupplementPeriod: Sendable, Hashable, Codable {
    /// When the supplement was requested.
    public let start: Date
    /// When processing resumed; `nil` while still waiting.
    public internal(set) var end: Date?

    /// A period from `start`, open while `end` is `nil`.
    public init(start: Date, end: Date? = nil) {
        self.start = start
        self.end = end
    }
}
