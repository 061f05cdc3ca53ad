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
    let estimatedWaitS: Int?
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

    /// As synthesised, except that `estimated_wait_s`, part of the contract, is `null` rather than absent
    /// while no counter serving the service is open.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(nameEn, forKey: .nameEn)
        try c.encode(prefix, forKey: .prefix)
        try c.encode(open, forKey: .open)
        try c.encode(status, forKey: .status)
        try c.encode(waiting, forKey: .waiting)
        try c.encode(estimatedWaitS, forKey: .estimatedWaitS)
        try c.encode(windows, forKey: .windows)
        try c.encodeIfPresent(dailyQuota, forKey: .dailyQuota)
        try c.encode(issuedToday, forKey: .issuedToday)
    }
}
