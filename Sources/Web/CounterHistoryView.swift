import Foundation
import QueueCore
import QueueService
import Store

/// `GET /api/v1/counters/{n}/tickets`: the tickets one counter handled today, newest call first, with
/// how many it finished, marked absent and sent elsewhere.
///
/// It is read from the day's event log, not from the tickets alone: a ticket sent to another service
/// or counter keeps no trace of the counter it left. Each call of a ticket to this counter starts one
/// entry, so a ticket sent back here later is listed twice.
struct CounterHistoryView: Encodable, Sendable {
    /// One ticket as this counter handled it.
    struct Entry: Encodable, Sendable {
        let id: String
        let number: String
        /// Code and name of the service it was in at this counter.
        let service: String
        let serviceName: String
        let priority: String?
        /// `called` or `serving` while at the counter; then `done`, `no_show`, `transferred` or `expired`.
        var state: TicketState
        var callCount: Int
        let calledAt: String
        var servedAt: String?
        /// When it left the counter: finished, marked absent, transferred, or expired at the day's end.
        var finishedAt: String?
        var dossier: String?
        var rating: Int?
        /// Where a transferred ticket was sent: another service (its code), or one counter.
        var transferredToService: String?
        var transferredToCounter: Int?

        enum CodingKeys: String, CodingKey {
            case id, number, service, priority, state, dossier, rating
            case serviceName = "service_name", callCount = "call_count", calledAt = "called_at", servedAt = "served_at"
            case finishedAt = "finished_at", transferredToService = "transferred_to_service"
            case transferredToCounter = "transferred_to_counter"
        }

        init(_ ticket: TicketView, calledAt: String) {
            id = ticket.id
            number = ticket.number
            service = ticket.service
            serviceName = ticket.serviceName
            priority = ticket.priority
            state = ticket.state
            callCount = ticket.callCount
            self.calledAt = ticket.calledAt ?? calledAt
            update(ticket)
        }

        /// Takes what a later event says of the ticket while it is still at the counter.
        mutating func update(_ ticket: TicketView) {
            state = ticket.state
            callCount = ticket.callCount
            servedAt = ticket.servedAt ?? servedAt
            finishedAt = ticket.finishedAt
            dossier = ticket.dossier
            rating = ticket.rating
        }
    }

    /// What the list needs of a logged ticket event: less to decode than a whole ``QueueEvent``, and the
    /// times kept as the text they already are.
    struct LoggedEvent: Decodable, Sendable {
        struct Payload: Decodable, Sendable {
            let ticket: TicketView?
            let counter: Int?
            let fromCounter: Int?

            enum CodingKeys: String, CodingKey {
                case ticket, counter
                case fromCounter = "from_counter"
            }
        }

        let type: EventType
        let at: String
        let data: Payload
    }

    let counter: Int
    let day: String
    let done: Int
    let noShow: Int
    let transferred: Int
    let tickets: [Entry]

    enum CodingKeys: String, CodingKey {
        case counter, day, done, transferred, tickets
        case noShow = "no_show"
    }

    /// The ticket events that can concern a counter.
    static let types: Set<String> = Set([
        EventType.ticketCalled, .ticketRecalled, .ticketServing, .ticketDone, .ticketNoShow, .ticketTransferred, .ticketExpired,
    ].map(\.rawValue))

    /// Builds the list from the day's ticket events, in log order.
    init(counter: Int, day: BusinessDay, events: [LoggedEvent]) {
        var entries: [Entry] = []
        var atCounter: [String: Int] = [:]  // ticket id → its open entry
        for event in events {
            guard let ticket = event.data.ticket else { continue }
            if event.type == .ticketTransferred {
                guard event.data.fromCounter == counter, let index = atCounter.removeValue(forKey: ticket.id) else { continue }
                entries[index].state = .transferred
                entries[index].finishedAt = event.at
                if ticket.service != entries[index].service { entries[index].transferredToService = ticket.service }
                entries[index].transferredToCounter = ticket.targetCounter
                continue
            }
            guard event.data.counter == counter else { continue }
            if event.type == .ticketCalled || atCounter[ticket.id] == nil {
                atCounter[ticket.id] = entries.count
                entries.append(Entry(ticket, calledAt: event.at))
            } else if let index = atCounter[ticket.id] {
                entries[index].update(ticket)
            }
            if ticket.state.isFinal { atCounter[ticket.id] = nil }
        }
        self.counter = counter
        self.day = day.description
        done = entries.count(where: { $0.state == .done })
        noShow = entries.count(where: { $0.state == .noShow })
        transferred = entries.count(where: { $0.state == .transferred })
        tickets = entries.reversed()
    }

    /// Reads today's events of counter `counter` from the log.
    static func load(counter: Int, office: Office) async throws -> CounterHistoryView {
        let (day, ids, firstIssue) = await office.engine.read { state in
            (state.status.day, Set(state.tickets.keys), state.tickets.values.map(\.issuedAt).min())
        }
        guard let firstIssue else { return CounterHistoryView(counter: counter, day: day, events: []) }
        // Nothing about today's tickets happened before the first of them was issued; ten minutes of
        // margin for a clock set back a little.
        let logged = try office.engine.store.events(ofTypes: types, since: firstIssue.addingTimeInterval(-600))
        let decoder = JSONDecoder()
        var events: [LoggedEvent] = []
        for stored in logged where mentions(counter, stored.body) {
            guard let event = try? decoder.decode(LoggedEvent.self, from: Data(stored.body.utf8)),
                  let ticket = event.data.ticket, ids.contains(ticket.id) else { continue }
            events.append(event)
        }
        return CounterHistoryView(counter: counter, day: day, events: events)
    }

    /// Whether a logged event names `counter` as its `counter` or `from_counter`: a quick test on the text
    /// that spares decoding the events of the other counters. The log keeps each event as
    /// ``QueueEvent/json()`` writes it (compact, keys sorted); decoding then checks for real.
    static func mentions(_ counter: Int, _ body: String) -> Bool {
        for key in ["\"counter\":\(counter)", "\"from_counter\":\(counter)"] {
            if body.contains(key + ",") || body.contains(key + "}") { return true }
        }
        return false
    }
}
