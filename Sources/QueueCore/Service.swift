/// A line of business (lĩnh vực) citizens queue for, with its numbering, hours and quota.
public struct Service: Sendable, Hashable, Identifiable {
    /// Stable numeric id.
    public let id: Int
    /// Short stable code such as `HT` (hộ tịch); accepted wherever an id is.
    public var code: String
    /// Vietnamese name, as the kiosk shows it.
    public var name: String
    /// English name.
    public var nameEn: String?
    /// Letters in front of the number (`A` in `A001`).
    public var prefix: String
    /// How numbers are written.
    public var numberFormat: TicketNumberFormat
    /// When tickets may be taken; empty means the whole working day.
    public var issuingWindows: [TimeWindow]
    /// The most tickets a day, or `nil` for no quota.
    public var dailyQuota: Int?
    /// Whether the service takes tickets at all today (an administrator may close it).
    public var enabled: Bool

    public init(
        id: Int, code: String, name: String, nameEn: String? = nil, prefix: String,
        numberFormat: TicketNumberFormat = .prefixed(digits: 3), issuingWindows: [TimeWindow] = [],
        dailyQuota: Int? = nil, enabled: Bool = true
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.prefix = prefix
        self.numberFormat = numberFormat
        self.issuingWindows = issuingWindows
        self.dailyQuota = dailyQuota
        self.enabled = enabled
    }

    /// The most tickets that can be issued today: the quota, bounded by what the format can number.
    public var effectiveQuota: Int {
        min(dailyQuota ?? Int.max, numberFormat.capacity)
    }

    /// Whether a ticket may be taken at `time`, given the working day's own hours.
    public func isIssuing(at time: TimeOfDay, workingHours: TimeWindow) -> Bool {
        guard workingHours.contains(time) else { return false }
        return issuingWindows.isEmpty || issuingWindows.contains { $0.contains(time) }
    }
}
