import Foundation

/// A call to be spoken in the hall: which ticket, to which counter, and why.
public struct Announcement: Sendable, Hashable, Identifiable {
    /// Why it is spoken.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A counter called the ticket.
        case call
        /// The clerk called it again.
        case recall
        /// Someone asked for it (`motcua say`, the admin's speaker check).
        case manual
    }

    /// Given by the queue, in the order announcements were asked for.
    public var id: Int
    /// The ticket's id; empty for a manual announcement of a number that is no ticket of the day.
    public var ticketID: String
    /// The ticket's number as it is read: `A025`.
    public var ticket: String
    public var counter: Int
    public var kind: Kind
    public var requestedAt: Date
    /// How many times it has been spoken so far.
    public var plays: Int

    public init(id: Int, ticketID: String, ticket: String, counter: Int, kind: Kind, requestedAt: Date, plays: Int = 0) {
        self.id = id
        self.ticketID = ticketID
        self.ticket = ticket
        self.counter = counter
        self.kind = kind
        self.requestedAt = requestedAt
        self.plays = plays
    }
}
