import Foundation

/// One move of a dossier along its route: from one step to the next (or past the last).
public struct StageMove: Sendable, Hashable, Codable {
    /// When it happened.
    public let at: Date
    /// The step left (``Stage/position``).
    public let from: Int
    /// The step reached; the route's step count once the result is returned.
    public let to: Int
    /// What the clerk wrote.
    public let note: String?

    /// A move.
    public init(at: Date, from: Int, to: Int, note: String?) {
        self.at = at
        self.from = from
        self.to = to
        self.note = note
    }
}
