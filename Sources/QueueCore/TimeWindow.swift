import Foundation

/// A span of the working day, such as a ticket-issuing window `07:00–11:00`; the end is exclusive.
public struct TimeWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// First minute inside the window.
    public let start: TimeOfDay
    /// First minute after the window.
    public let end: TimeOfDay

    /// A window; `nil` unless `start` is before `end`.
    public init?(start: TimeOfDay, end: TimeOfDay) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM`; `nil` when malformed or empty.
    public init?(_ text: String) {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = TimeOfDay(parts[0]), let end = TimeOfDay(parts[1]) else { return nil }
        self.init(start: start, end: end)
    }

    /// Whether a time of day falls inside the window.
    public func contains(_ time: TimeOfDay) -> Bool { start <= time && time < end }

    /// `HH:MM-HH:MM`.
    public var description: String { "\(start)-\(end)" }
}
