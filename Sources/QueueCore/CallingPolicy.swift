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
    public func choose(for counter: Counter, among candidates: [Ticket], now: Date) -> Ticket? {
        guard !candidates.isEmpty else { return nil }
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

        if let maxWait {
            let overdue = candidates.filter { now.timeIntervalSince($0.issuedAt) >= maxWait }
            if let oldest = overdue.min(by: byAge) { return oldest }
        }

        let priority = candidates.filter(\.isPriority)
        let regular = candidates.filter { !$0.isPriority }
        let takePriority: Bool
        switch priorityRule {
        case .strict:
            takePriority = !priority.isEmpty
        case .interleave(let n):
            takePriority = !priority.isEmpty && (regular.isEmpty || counter.regularsSincePriority >= n)
        }
        let pool = takePriority ? priority : regular
        switch serviceOrder {
        case .oldest: return pool.min(by: byAge)
        case .preference: return pool.min(by: byPreference)
        }
    }
}
