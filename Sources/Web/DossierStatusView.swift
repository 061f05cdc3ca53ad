import Foundation
import QueueCore
import WorkflowProtocol

/// `GET /api/v1/dossiers/{code}`: a dossier as the lookup kiosk shows it: the workflow core's masked answer,
/// whether it is the core's answer now or the last one known (`stale`), and from when (`as_of`).
struct DossierStatusView: Encodable, Sendable {
    let result: DossierLookupResult
    let stale: Bool
    let asOf: Date

    private enum Extra: String, CodingKey {
        case stale
        case asOf = "as_of"
    }

    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var container = encoder.container(keyedBy: Extra.self)
        try container.encode(stale, forKey: .stale)
        try container.encode(Timestamp.format(asOf), forKey: .asOf)
    }
}
