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
    let priority: String?
    let issuedAt: String
    /// How many wait before this ticket in its service.
    let ahead: Int
    /// Estimated wait in seconds; `null` while no counter serving it is open.
    let estimatedWaitS: Int?
    /// Whether the ticket was printed (printing comes with the printer issue; until then `false`).
    let printed: Bool

    enum CodingKeys: String, CodingKey {
        case id, number, service, priority, ahead, printed
        case serviceId = "service_id", serviceName = "service_name", issuedAt = "issued_at", estimatedWaitS = "estimated_wait_s"
    }

    /// Every field of the contract is present: `priority` and `estimated_wait_s` as `null` when they have no value.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(number, forKey: .number)
        try c.encode(service, forKey: .service)
        try c.encode(serviceId, forKey: .serviceId)
        try c.encode(serviceName, forKey: .serviceName)
        try c.encode(priority, forKey: .priority)
        try c.encode(issuedAt, forKey: .issuedAt)
        try c.encode(ahead, forKey: .ahead)
        try c.encode(estimatedWaitS, forKey: .estimatedWaitS)
        try c.encode(printed, forKey: .printed)
    }
}
