import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// The answer to taking a ticket.
struct IssuedTicketView: Encodable, Sendable {
    let id: String
    let number: String
    /// The service's code.
    let service: String
    let serviceId: Int
    let serviceName: String
    @ExplicitNull var priority: String?
    let issuedAt: String
    /// How many wait before this ticket in its service.
    let ahead: Int
    /// Estimated wait in seconds; `null` while no counter serving it is open.
    @ExplicitNull var estimatedWaitS: Int?
    /// Whether the ticket was printed (printing comes with the printer issue; until then `false`).
    let printed: Bool

    enum CodingKeys: String, CodingKey {
        case id, number, service, priority, ahead, printed
        case serviceId = "service_id", serviceName = "service_name", issuedAt = "issued_at", estimatedWaitS = "estimated_wait_s"
    }
}
