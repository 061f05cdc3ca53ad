/// What a ``HolidayTable`` knows about one year: whether its days are decided or only projected.
public struct HolidayYear: Sendable, Hashable, Codable {
    /// How sure the year's days are.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every day comes from the year's decisions.
        case confirmed
        /// Some days are decided, others follow the Labor Code pending a decision.
        case partial
        /// Nothing decided yet: the days follow the Labor Code and precedent.
        case projected
    }

    /// The year.
    public let year: Int
    /// How sure its days are.
    public let status: Status
    /// What is decided, what is pending.
    public let note: String

    /// A year of the table.
    public init(year: Int, status: Status, note: String = "") {
        self.year = year
        self.status = status
        self.note = note
    }
}
