import Foundation
import QueueCore
import Testing

/// Fixed days, services and counters for the unit tests; never the real clock.
enum Fixture {
    static let zone = OfficeCalendar.vietnam
    /// Monday 30 November 2026.
    static let monday = BusinessDay(year: 2026, month: 11, day: 30)
    static let tuesday = BusinessDay(year: 2026, month: 12, day: 1)

    /// `time` (`HH:MM` or `HH:MM:SS`) of `day` in Asia/Ho_Chi_Minh.
    static func at(_ time: String, on day: BusinessDay = monday) -> Date {
        let parts = time.split(separator: ":")
        let base = day.date(at: TimeOfDay(parts.prefix(2).joined(separator: ":"))!, in: zone)
        return parts.count == 3 ? base.addingTimeInterval(Double(parts[2])!) : base
    }

    /// HT: `A001`…, no window. DD: `B001`…, windows 07:30–11:00 and 13:30–16:30. XD: block `1001`…, quota 3.
    /// LD: closed by the administrator.
    static let services: [Service] = [
        Service(id: 1, code: "HT", name: "Hộ tịch", prefix: "A"),
        Service(id: 2, code: "DD", name: "Đất đai", prefix: "B",
                issuingWindows: [TimeWindow("07:30-11:00")!, TimeWindow("13:30-16:30")!]),
        Service(id: 3, code: "XD", name: "Xây dựng", prefix: "X", numberFormat: .block(start: 1001), dailyQuota: 3),
        Service(id: 4, code: "LD", name: "Lao động", prefix: "L", enabled: false),
    ]

    /// 1: HT. 2: HT, DD. 3: XD then HT. 4: DD.
    static let counters: [Counter] = [
        Counter(number: 1, services: [1]),
        Counter(number: 2, services: [1, 2]),
        Counter(number: 3, services: [3, 1]),
        Counter(number: 4, services: [2]),
    ]

    static func settings(
        policy: CallingPolicy = CallingPolicy(), noShowAfterCalls: Int = 2,
        priorityGroups: [PriorityGroup] = PriorityGroup.usual, estimateSample: Int = 20
    ) -> QueueSettings {
        QueueSettings(
            site: "test-site", policy: policy, noShowAfterCalls: noShowAfterCalls,
            priorityGroups: priorityGroups, defaultServiceTime: 300, estimateSample: estimateSample
        )
    }

    /// A Monday that has not opened yet (working hours 07:00–17:30).
    static func newDay(
        settings: QueueSettings = settings(), services: [Service] = services, counters: [Counter] = counters
    ) -> QueueState {
        QueueState(
            settings: settings, status: DayStatus(day: monday, phase: .notOpened), services: services,
            counters: counters, tickets: [], lastEventSeq: 0
        )
    }

    /// A Monday opened at 07:00 (one `day.opened` event, seq 1).
    static func openDay(
        settings: QueueSettings = settings(), services: [Service] = services, counters: [Counter] = counters
    ) -> QueueState {
        var state = newDay(settings: settings, services: services, counters: counters)
        _ = state.advance(to: at("07:00"))
        return state
    }
}

/// Everything observable about a state, to show that a refused operation changed nothing.
struct StateSnapshot: Equatable {
    var status: DayStatus
    var services: [Int: Service]
    var counters: [Int: Counter]
    var tickets: [Ticket.ID: Ticket]
    var lastEventSeq: Int64
    var waiting: [Int: [Ticket.ID]]
    var targeted: [Int: [Ticket.ID]]
    var issued: [Int: Int]
    var estimates: [Int: Int?]

    init(_ state: QueueState) {
        status = state.status
        services = state.services
        counters = state.counters
        tickets = state.tickets
        lastEventSeq = state.lastEventSeq
        waiting = [:]; targeted = [:]; issued = [:]; estimates = [:]
        for id in state.services.keys {
            waiting[id] = state.waiting(service: id).map(\.id)
            issued[id] = state.issuedCount(service: id)
            estimates[id] = state.estimatedWait(service: id, ahead: 7)
        }
        for number in state.counters.keys { targeted[number] = state.waiting(targetedTo: number).map(\.id) }
    }
}

extension QueueState {
    /// Applies `operation` at `now`, recording a test issue (and rethrowing) when it is refused.
    @discardableResult
    mutating func must(_ operation: QueueOperation, at now: Date, sourceLocation: SourceLocation = #_sourceLocation) throws -> QueueChange {
        do {
            return try apply(operation, now: now)
        } catch {
            Issue.record("\(operation) refused: \(error.code)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// Issues a ticket and returns it.
    mutating func issue(_ service: String, priority: String? = nil, at now: Date, sourceLocation: SourceLocation = #_sourceLocation) throws -> Ticket {
        let change = try must(.issue(service: service, priority: priority, kiosk: nil), at: now, sourceLocation: sourceLocation)
        return try #require(change.ticket, sourceLocation: sourceLocation)
    }

    /// Calls the next ticket at `counter`; `nil` when nobody waits for it.
    mutating func callNext(_ counter: Int, at now: Date, sourceLocation: SourceLocation = #_sourceLocation) throws -> Ticket? {
        try must(.next(counter: counter), at: now, sourceLocation: sourceLocation).ticket
    }

    /// Expects `operation` to be refused with `code` and to leave the state exactly as it was.
    mutating func expectRefusal(_ code: String, _ operation: QueueOperation, at now: Date, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = StateSnapshot(self)
        do {
            let change = try apply(operation, now: now)
            Issue.record("\(operation) was accepted (events \(change.events.map(\.type.rawValue))); expected \(code)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(operation)", sourceLocation: sourceLocation)
        }
        #expect(StateSnapshot(self) == before, "refused \(operation) changed the state", sourceLocation: sourceLocation)
    }
}

/// Expects the events of `change` to be numbered `after + 1`, `after + 2`, … with no gap.
func expectGapFree(_ change: QueueChange, after seq: Int64, sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = (0..<Int64(change.events.count)).map { seq + 1 + $0 }
    #expect(change.events.map(\.seq) == expected, sourceLocation: sourceLocation)
}

extension QueueChange {
    /// The event types, in order.
    var types: [EventType] { events.map(\.type) }
}
