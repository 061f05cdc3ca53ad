/// An office day and its phase.
public struct DayStatus: Sendable, Hashable, Codable {
    public var day: BusinessDay
    public var phase: DayPhase

    public init(day: BusinessDay, phase: DayPhase) {
        self.day = day
        self.phase = phase
    }
}
