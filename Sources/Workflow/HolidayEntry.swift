import QueueCore

/// One dated row of a ``HolidayTable``: a day off or a compensating working day, with where it comes from.
public struct HolidayEntry: Sendable, Hashable {
    /// What the row means.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A public holiday of Labor Code art. 112 (ngày nghỉ lễ, Tết). May fall on a weekend.
        case holiday
        /// A weekday off because a holiday fell on a weekly rest day (nghỉ bù, art. 111(3)).
        case compensatory
        /// A weekday off swapped with a Saturday worked instead (nghỉ hoán đổi).
        case swap
        /// A weekend day worked in exchange for a swapped day off (ngày làm bù).
        case workingDay = "working_day"
    }

    /// The day.
    public let date: BusinessDay
    /// What the day is, in Vietnamese: "Tết Nguyên đán Bính Ngọ (mùng 1)".
    public let name: String
    /// Holiday, compensatory day off, swapped day off or compensating working day.
    public let kind: Kind
    /// The decision or publication the day comes from, when there is one.
    public let source: String?
    /// Anything else: the rule followed, whether the day is still pending a decision.
    public let note: String?
    /// For a holiday on a weekend: the weekday given off in its place.
    public let compensatedBy: BusinessDay?
    /// For a compensating working day: the swapped day off it pays for.
    public let replaces: BusinessDay?

    /// A row of the table.
    public init(
        date: BusinessDay, name: String, kind: Kind, source: String? = nil, note: String? = nil,
        compensatedBy: BusinessDay? = nil, replaces: BusinessDay? = nil
    ) {
        self.date = date
        self.name = name
        self.kind = kind
        self.source = source
        self.note = note
        self.compensatedBy = compensatedBy
        self.replaces = replaces
    }

    /// Whether the office is closed that day.
    public var isDayOff: Bool { kind != .workingDay }
}
