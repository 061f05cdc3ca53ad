import Foundation
import QueueCore
import Store

/// An incident as `GET /api/v1/incidents` shows it.
struct IncidentView: Encodable, Sendable {
    let id: String
    let kind: IncidentKind
    @ExplicitNull var device: String?
    let cause: String
    let startedAt: String
    @ExplicitNull var endedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, device, cause
        case startedAt = "started_at", endedAt = "ended_at"
    }

    init(_ incident: Incident) {
        id = incident.id
        kind = incident.kind
        device = incident.device
        cause = incident.cause
        startedAt = Timestamp.format(incident.startedAt)
        endedAt = incident.endedAt.map(Timestamp.format)
    }
}
