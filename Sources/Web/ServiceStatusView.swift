import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// A service as the kiosk shows it: whether it takes tickets now, and if not why.
struct ServiceStatusView: Encodable, Sendable {
    let id: Int
    let code: String
    let name: String
    let nameEn: String?
    let prefix: String
    /// Whether a ticket can be taken now.
    let open: Bool
    /// `open`, or the code it would refuse with: `service_closed`, `outside_hours`, `quota_reached`.
    let status: String
    let waiting: Int
    @ExplicitNull var estimatedWaitS: Int?
    /// The issuing windows, `HH:MM-HH:MM`; empty for the whole working day.
    let windows: [String]
    let dailyQuota: Int?
    let issuedToday: Int

    enum CodingKeys: String, CodingKey {
        case id, code, name, prefix, open, status, waiting, windows
        case nameEn = "name_en", estimatedWaitS = "estimated_wait_s", dailyQuota = "daily_quota", issuedToday = "issued_today"
    }

    init(_ service: Service, in state: QueueState, at now: Date) {
        id = service.id
        code = service.code
        name = service.name
        nameEn = service.nameEn
        prefix = service.prefix
        let refusal = state.issuingRefusal(service, at: now)
        open = refusal == nil
        status = refusal?.code ?? "open"
        waiting = state.waitingCount(service: service.id)
        estimatedWaitS = state.estimatedWait(service: service.id, ahead: waiting)
        windows = service.issuingWindows.map(\.description)
        dailyQuota = service.dailyQuota
        issuedToday = state.issuedCount(service: service.id)
    }
}
