import Foundation

/// A ticket as the API, events and displays show it (JSON, snake_case keys).
public struct TicketView: Sendable, Hashable, Codable {
    public var id: String
    public var number: String
    /// Code of the service whose queue it is in.
    public var service: String
    public var serviceId: Int
    public var serviceName: String
    public var priority: String?
    public var state: TicketState
    public var counter: Int?
    public var targetCounter: Int?
    public var callCount: Int
    public var issuedAt: String
    public var calledAt: String?
    public var servedAt: String?
    public var finishedAt: String?
    public var dossier: String?
    public var rating: Int?

    enum CodingKeys: String, CodingKey {
        case id, number, service, priority, state, counter, dossier, rating
        case serviceId = "service_id", serviceName = "service_name", targetCounter = "target_counter"
        case callCount = "call_count", issuedAt = "issued_at", calledAt = "called_at"
        case servedAt = "served_at", finishedAt = "finished_at"
    }

    public init(_ ticket: Ticket, service: Service?) {
        id = ticket.id
        number = ticket.number
        self.service = service?.code ?? String(ticket.service)
        serviceId = ticket.service
        serviceName = service?.name ?? ""
        priority = ticket.priority
        state = ticket.state
        counter = ticket.counter
        targetCounter = ticket.targetCounter
        callCount = ticket.callCount
        issuedAt = Timestamp.format(ticket.issuedAt)
        calledAt = ticket.calledAt.map(Timestamp.format)
        servedAt = ticket.servedAt.map(Timestamp.format)
        finishedAt = ticket.finishedAt.map(Timestamp.format)
        dossier = ticket.dossier
        rating = ticket.rating
    }
}
