/// The tickets queued in one line (a service's, or one counter's after a transfer), oldest first,
/// kept as two lists, priority and regular, so that "call next" looks only at the front of each.
struct WaitingLine: Sendable, Hashable {
    private(set) var priority: [Ticket.ID] = []
    private(set) var regular: [Ticket.ID] = []

    var count: Int { priority.count + regular.count }
    var isEmpty: Bool { priority.isEmpty && regular.isEmpty }

    /// Puts a ticket in its place by `before` (issue order), after any it ties with.
    mutating func insert(_ ticket: Ticket, in tickets: [Ticket.ID: Ticket], before: (Ticket, Ticket) -> Bool) {
        func place(_ list: inout [Ticket.ID]) {
            let index = list.lastIndex { id in tickets[id].map { !before(ticket, $0) } ?? true }.map { $0 + 1 } ?? 0
            list.insert(ticket.id, at: index)
        }
        if ticket.isPriority { place(&priority) } else { place(&regular) }
    }

    /// Takes a ticket out.
    mutating func remove(_ ticket: Ticket) {
        if ticket.isPriority {
            if let index = priority.firstIndex(of: ticket.id) { priority.remove(at: index) }
        } else if let index = regular.firstIndex(of: ticket.id) {
            regular.remove(at: index)
        }
    }

    /// Every ticket, oldest first.
    func all(in tickets: [Ticket.ID: Ticket], before: (Ticket, Ticket) -> Bool) -> [Ticket] {
        merge(priority.compactMap { tickets[$0] }, regular.compactMap { tickets[$0] }, before: before)
    }

    /// The front of each list: its first ticket and any issued at the same instant, oldest first.
    /// The oldest ticket of each class, and so every ticket "call next" could choose from this line.
    func front(in tickets: [Ticket.ID: Ticket], before: (Ticket, Ticket) -> Bool) -> [Ticket] {
        func leading(_ list: [Ticket.ID]) -> [Ticket] {
            guard let first = list.first.flatMap({ tickets[$0] }) else { return [] }
            var result = [first]
            for id in list.dropFirst() {
                guard let next = tickets[id], next.issuedAt == first.issuedAt else { break }
                result.append(next)
            }
            return result
        }
        return merge(leading(priority), leading(regular), before: before)
    }

    private func merge(_ a: [Ticket], _ b: [Ticket], before: (Ticket, Ticket) -> Bool) -> [Ticket] {
        var result: [Ticket] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && !before(b[j], a[i])) {
                result.append(a[i]); i += 1
            } else {
                result.append(b[j]); j += 1
            }
        }
        return result
    }
}
