/// A counter as the API, events and displays show it.
public struct CounterView: Sendable, Hashable, Codable {
    /// The counter's number.
    public var id: Int
    public var name: String
    public var state: CounterState
    /// Codes of the services it calls for, most preferred first.
    public var services: [String]
    /// The ticket called to it or being served there.
    public var current: TicketView?

    public init(id: Int, name: String, state: CounterState, services: [String], current: TicketView?) {
        self.id = id
        self.name = name
        self.state = state
        self.services = services
        self.current = current
    }
}
