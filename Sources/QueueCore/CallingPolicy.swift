import Foundation

/// How "call next" chooses among the tickets a counter may call.
///
/// In order: a ticket that has waited `maxWait` or longer is never overtaken (the oldest such
/// ticket is called first); otherwise the priority rule picks the class (priority or regular);
/// within the class the oldest ticket is called, across the counter's services or by the counter's
/// order of service preference, as `serviceOrder` says.
public struct CallingPolicy: Sendable, Hashable {
    /// How priority tickets are mixed with regular ones.
    public enum PriorityRule: Sendable, Hashable {
        /// Every waiting priority ticket before any regular one.
        case strict
        /// One priority ticket after every `regularPerPriority` regular ones (when both wait).
        case interleave(regularPerPriority: Int)
    }

    /// How a counter's several services are ordered within a class.
    public enum ServiceOrder: String, Sendable, Hashable, CaseIterable {
        /// The oldest ticket of any of the counter's services; preference only breaks ties.
        case oldest
        /// The counter's first service that has anyone waiting, then the next.
        case preference
    }

    public var priorityRule: PriorityRule
    public var serviceOrder: ServiceOrder
    /// The longest a ticket may wait before nothing may overtake it; `nil` for no bound.
    public var maxWait: TimeInterval?

    public init(priorityRule: PriorityRule = .interleave(regularPerPriority: 2), serviceOrder: ServiceOrder = .oldest, maxWait: TimeInterval? = 45 * 60) {
        self.priorityRule = priorityRule
        self.serviceOrder = serviceOrder
        self.maxWait = maxWait
    }

    /// Chooses the next ticket for `counter` among `candidates` (the queued tickets it may call), or `nil`.
    ///
    /// One pass, keeping three bests (the oldest overdue, the best priority and the best regular
    /// ticket), so a long queue costs no copies; on a tie the earlier candidate wins.
    public func choose(for counter: Counter, among candidates: some Sequence<Ticket>, now: Date) -> Ticket? {
        func tier(_ ticket: Ticket) -> Int {
            if ticket.targetCounter == counter.number { return 0 }
            return counter.services.firstIndex(of: ticket.service) ?? counter.services.count
        }
        func byAge(_ a: Ticket, _ b: Ticket) -> Bool {
            if a.issuedAt != b.issuedAt { return a.issuedAt < b.issuedAt }
            let ta = tier(a), tb = tier(b)
            if ta != tb { return ta < tb }
            return a.sequence < b.sequence
        }
        func byPreference(_ a: Ticket, _ b: Ticket) -> Bool {
            let ta = tier(a), tb = tier(b)
            return ta != tb ? ta < tb : byAge(a, b)
        }
        let before: (Ticket, Ticket) -> Bool = serviceOrder == .oldest ? byAge : byPreference

        var overdue: Ticket?
        var priority: Ticket?
        var regular: Ticket?
        for ticket in candidates {
            if let maxWait, now.timeIntervalSince(ticket.issuedAt) >= maxWait, overdue.map({ byAge(ticket, $0) }) ?? true {
                overdue = ticket
            }
            if ticket.isPriority {
                if priority.map({ before(ticket, $0) }) ?? true { priority = ticket }
            } else if regular.map({ before(ticket, $0) }) ?? true {
                regular = ticket
            }
        }
        if let overdue { return overdue }
        let takePriority: Bool
        switch priorityRule {
        case .strict:
            takePriority = priority != nil
        case .interleave(let n):
            takePriority = priority != nil && (regular == nil || counter.regularsSincePriority >= n)
        }
        return takePriority ? priority : regular
    }
}
