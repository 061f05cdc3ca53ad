import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// `GET /api/v1/queue`: what waits, what each counter does, the latest calls.
struct QueueSnapshotView: Encodable, Sendable {
    struct WaitingTicket: Encodable, Sendable {
        let number: String
        @ExplicitNull var priority: String?
        let state: TicketState
        let issuedAt: String
        @ExplicitNull var targetCounter: Int?

        enum CodingKeys: String, CodingKey {
            case number, priority, state
            case issuedAt = "issued_at", targetCounter = "target_counter"
        }
    }

    struct ServiceQueue: Encodable, Sendable {
        let id: Int
        let code: String
        let name: String
        @ExplicitNull var nameEn: String?
        let waiting: Int
        @ExplicitNull var estimatedWaitS: Int?
        /// Every waiting ticket, in the order of issue.
        let tickets: [WaitingTicket]

        enum CodingKeys: String, CodingKey {
            case id, code, name, waiting, tickets
            case nameEn = "name_en", estimatedWaitS = "estimated_wait_s"
        }
    }

    struct CounterQueue: Encodable, Sendable {
        let id: Int
        let name: String
        let state: CounterState
        let services: [String]
        let current: TicketView?
        /// Tickets transferred to this counter alone.
        let transferred: [WaitingTicket]
    }

    struct RecentCall: Encodable, Sendable {
        let number: String
        let counter: Int
        let service: String
        let state: TicketState
        let calledAt: String

        enum CodingKeys: String, CodingKey {
            case number, counter, service, state
            case calledAt = "called_at"
        }
    }

    let site: String
    /// The seq of the last event this snapshot reflects: follow `/api/v1/events?after=SEQ` from here.
    let seq: Int64
    let day: String
    let phase: DayPhase
    let services: [ServiceQueue]
    let counters: [CounterQueue]
    let recentCalls: [RecentCall]
    /// The day's totals so far.
    let summary: DaySummary

    enum CodingKeys: String, CodingKey {
        case site, seq, day, phase, services, counters, summary
        case recentCalls = "recent_calls"
    }

    init(_ state: QueueState) {
        func waiting(_ t: Ticket) -> WaitingTicket {
            WaitingTicket(number: t.number, priority: t.priority, state: t.state, issuedAt: Timestamp.format(t.issuedAt), targetCounter: t.targetCounter)
        }
        site = state.settings.site
        seq = state.lastEventSeq
        day = state.status.day.description
        phase = state.status.phase
        services = state.orderedServices.map { s in
            let count = state.waitingCount(service: s.id)
            return ServiceQueue(id: s.id, code: s.code, name: s.name, nameEn: s.nameEn, waiting: count,
                                estimatedWaitS: state.estimatedWait(service: s.id, ahead: count),
                                tickets: state.waiting(service: s.id).map(waiting))
        }
        counters = state.orderedCounters.map { c in
            let view = state.view(c)
            return CounterQueue(id: view.id, name: view.name, state: view.state, services: view.services,
                                current: view.current, transferred: state.waiting(targetedTo: c.number).map(waiting))
        }
        summary = state.summary
        recentCalls = state.recentCalls(limit: 10).map { t in
            RecentCall(number: t.number, counter: t.counter ?? 0, service: state.services[t.service]?.code ?? "",
                       state: t.state, calledAt: Timestamp.format(t.calledAt!))
        }
    }
}
