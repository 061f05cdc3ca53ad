/// A clerk's counter (quầy): the services it calls for, in order of preference, and what it is doing.
public struct Counter: Sendable, Hashable, Identifiable {
    /// The counter's number, as announced ("quầy số 5").
    public let number: Int
    /// Display name, such as "Quầy 5".
    public var name: String
    /// Ids of the services it serves, most preferred first.
    public var services: [Int]
    /// Open, paused or closed.
    public var state: CounterState
    /// The ticket called to or being served at this counter.
    public var currentTicket: Ticket.ID?
    /// Regular tickets called since the last priority ticket (for the one-in-N policy).
    public var regularsSincePriority: Int

    public var id: Int { number }

    public init(
        number: Int, name: String? = nil, services: [Int], state: CounterState = .closed,
        currentTicket: Ticket.ID? = nil, regularsSincePriority: Int = 0
    ) {
        self.number = number
        self.name = name ?? "Quầy \(number)"
        self.services = services
        self.state = state
        self.currentTicket = currentTicket
        self.regularsSincePriority = regularsSincePriority
    }
}
