/// What one operation changed: the rows to store and the events to publish, all or nothing.
public struct QueueChange: Sendable, Hashable {
    /// The ticket the operation acted on (issued, called, …), as it is now; `nil` for "nobody waits".
    public var ticket: Ticket?
    /// Every ticket whose row changed, in order (a ticket may appear more than once; the last wins).
    public var tickets: [Ticket] = []
    /// Every counter whose row changed, in order (the last wins).
    public var counters: [Counter] = []
    /// The day, when its phase changed.
    public var day: DayStatus?
    /// The events, in seq order.
    public var events: [QueueEvent] = []

    public init() {}

    /// Whether nothing changed.
    public var isEmpty: Bool { tickets.isEmpty && counters.isEmpty && day == nil && events.isEmpty }
}
