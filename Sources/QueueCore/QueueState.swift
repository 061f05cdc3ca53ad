import Foundation

/// The whole queue of one office day, and the rules that change it.
///
/// Every operation either throws a ``QueueError`` and changes nothing, or applies fully and returns
/// the ``QueueChange`` to store and publish. Time is passed in; nothing here does I/O.
public struct QueueState: Sendable {
    /// The rules configuration sets.
    public private(set) var settings: QueueSettings
    /// The office day this state is about, and its phase.
    public private(set) var status: DayStatus
    /// Services by id.
    public private(set) var services: [Int: Service]
    /// Counters by number.
    public private(set) var counters: [Int: Counter]
    /// Today's tickets by id.
    public private(set) var tickets: [Ticket.ID: Ticket]
    /// The last event seq handed out.
    public private(set) var lastEventSeq: Int64

    /// The last sequence issued today per issuing service.
    private var lastSequence: [Int: Int]
    /// The waiting line of each service (tickets sent to one counter are in `targeted`).
    private var queues: [Int: WaitingLine]
    /// The waiting line of each counter, for tickets transferred to it alone.
    private var targeted: [Int: WaitingLine]
    /// Today's service times per service, in the order they ended.
    private var serviceTimes: [Int: [TimeInterval]]

    /// Restores a day from what was stored (or starts an empty one).
    ///
    /// - Parameters:
    ///   - status: the stored day and phase; tickets are those of that day.
    ///   - lastEventSeq: the highest event seq stored.
    public init(
        settings: QueueSettings, status: DayStatus, services: [Service], counters: [Counter],
        tickets: [Ticket], lastEventSeq: Int64
    ) {
        self.settings = settings
        self.status = status
        self.services = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.counters = Dictionary(counters.map { ($0.number, $0) }, uniquingKeysWith: { _, last in last })
        self.tickets = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.lastEventSeq = lastEventSeq
        lastSequence = [:]
        queues = [:]
        targeted = [:]
        serviceTimes = [:]
        for ticket in tickets.sorted(by: Self.queueOrder) {
            lastSequence[ticket.issuedService] = max(lastSequence[ticket.issuedService] ?? 0, ticket.sequence)
            if ticket.state.isQueued { enqueue(ticket) }
        }
        for ticket in tickets.sorted(by: { ($0.finishedAt ?? .distantPast) < ($1.finishedAt ?? .distantPast) }) {
            recordServiceTime(ticket)
        }
    }

    // MARK: Reading

    /// Services ordered by id.
    public var orderedServices: [Service] { services.values.sorted { $0.id < $1.id } }

    /// Counters ordered by number.
    public var orderedCounters: [Counter] { counters.values.sorted { $0.number < $1.number } }

    /// The service with this id or code.
    public func service(_ reference: String) -> Service? {
        if let id = Int(reference), let service = services[id] { return service }
        return services.values.first { $0.code == reference }
    }

    /// Queued tickets of a service, oldest first (not those sent to a single counter).
    public func waiting(service: Int) -> [Ticket] {
        queues[service]?.all(in: tickets, before: Self.queueOrder) ?? []
    }

    /// Queued tickets sent to one counter, oldest first.
    public func waiting(targetedTo counter: Int) -> [Ticket] {
        targeted[counter]?.all(in: tickets, before: Self.queueOrder) ?? []
    }

    /// How many are waiting in a service's queue.
    public func waitingCount(service: Int) -> Int { queues[service]?.count ?? 0 }

    /// How many tickets the service issued today.
    public func issuedCount(service: Int) -> Int { lastSequence[service] ?? 0 }

    /// Estimated seconds to wait behind `ahead` people in a service, or `nil` when no counter serving it is open.
    public func estimatedWait(service: Int, ahead: Int) -> Int? {
        let open = counters.values.filter { $0.state == .open && $0.services.contains(service) }.count
        return WaitEstimate.seconds(
            ahead: ahead, openCounters: open, recentServiceTimes: serviceTimes[service] ?? [],
            sample: settings.estimateSample, fallback: settings.defaultServiceTime
        )
    }

    /// Why a service would refuse a ticket at `now`, or `nil` when it issues.
    public func issuingRefusal(_ service: Service, at now: Date) -> QueueError? {
        guard service.enabled else { return .serviceClosed(service.name) }
        let time = OfficeCalendar.timeOfDay(now, in: settings.timeZone)
        let today = BusinessDay(containing: now, in: settings.timeZone)
        guard today == status.day, status.phase == .open,
              service.isIssuing(at: time, workingHours: settings.workingHours) else { return .outsideHours(service.name) }
        guard issuedCount(service: service.id) < service.effectiveQuota else { return .quotaReached(service.name) }
        return nil
    }

    /// The ticket as the API shows it.
    public func view(_ ticket: Ticket) -> TicketView {
        TicketView(ticket, service: services[ticket.service])
    }

    /// The counter as the API shows it.
    public func view(_ counter: Counter) -> CounterView {
        CounterView(
            id: counter.number, name: counter.name, state: counter.state,
            services: counter.services.compactMap { services[$0]?.code },
            current: counter.currentTicket.flatMap { tickets[$0] }.map(view)
        )
    }

    /// The latest calls, newest first.
    public func recentCalls(limit: Int) -> [Ticket] {
        let called = tickets.values.filter { $0.calledAt != nil && $0.counter != nil }
        return Array(called.sorted { ($0.calledAt!, $0.number) > ($1.calledAt!, $1.number) }.prefix(limit))
    }

    /// Today's totals.
    public var summary: DaySummary {
        var s = DaySummary(issued: tickets.count, served: 0, noShow: 0, expired: 0)
        for ticket in tickets.values {
            switch ticket.state {
            case .done: s.served += 1
            case .noShow: s.noShow += 1
            case .expired: s.expired += 1
            default: break
            }
        }
        return s
    }

    // MARK: Operations

    /// Applies one operation at `now`: all of it, or nothing and a ``QueueError``.
    ///
    /// Call ``advance(to:)`` first so that the day has opened or closed as its hour says.
    public mutating func apply(_ operation: QueueOperation, now: Date) throws(QueueError) -> QueueChange {
        // Each operation checks everything before it changes anything, so a throw leaves the state as it was.
        var change = QueueChange()
        switch operation {
        case .tick: advanceDay(to: now, into: &change)
        case let .issue(service, priority, kiosk): try issue(service, priority: priority, kiosk: kiosk, now: now, into: &change)
        case .open(let n): try setCounter(n, to: .open, now: now, into: &change)
        case .pause(let n): try setCounter(n, to: .paused, now: now, into: &change)
        case .close(let n): try setCounter(n, to: .closed, now: now, into: &change)
        case .next(let n): try callNext(n, now: now, into: &change)
        case .recall(let n): try recall(n, now: now, into: &change)
        case .start(let n): try start(n, now: now, into: &change)
        case let .done(n, dossier, rating): try finish(n, dossier: dossier, rating: rating, now: now, into: &change)
        case .noShow(let n): try noShow(n, now: now, into: &change)
        case let .transfer(n, target): try transfer(n, to: target, now: now, into: &change)
        case .recordLookup(let code):
            guard DossierCode(code) != nil else { throw .badDossierCode(code) }
            emit(.dossierLookedUp, now, EventData(code: code), into: &change)
        case let .recordDevice(device, kind, deviceChange):
            guard !device.isEmpty, device.count <= 200, !kind.isEmpty else { throw .badDevice(device) }
            emit(deviceChange.eventType, now, EventData(device: device, deviceKind: kind, reason: deviceChange.reason), into: &change)
        case let .announceReady(code, masked, counter):
            guard DossierCode(code) != nil else { throw .badDossierCode(code) }
            // A masked name keeps stars where letters were ("Nguyễn V** A"); a whole name never reaches a display.
            guard masked.contains("*"), masked.count <= 120 else { throw .unmaskedName }
            if let counter, counters[counter] == nil { throw .unknownCounter(counter) }
            emit(.dossierReady, now, EventData(counter: counter, code: code, applicantMasked: masked), into: &change)
        }
        return change
    }

    /// Opens or closes the day when its hour has come at `now`, and starts a new calendar day afresh.
    public mutating func advance(to now: Date) -> QueueChange {
        var change = QueueChange()
        advanceDay(to: now, into: &change)
        return change
    }

    private mutating func issue(_ reference: String, priority: String?, kiosk: String?, now: Date, into change: inout QueueChange) throws(QueueError) {
        guard let service = service(reference) else { throw .unknownService(reference) }
        if let priority, !settings.priorityGroups.contains(where: { $0.code == priority }) {
            throw .unknownPriority(priority)
        }
        if let refusal = issuingRefusal(service, at: now) { throw refusal }
        let sequence = issuedCount(service: service.id) + 1
        let ticket = Ticket(
            id: UUID().uuidString.lowercased(), day: status.day, issuedService: service.id, sequence: sequence,
            number: service.numberFormat.number(prefix: service.prefix, sequence: sequence),
            priority: priority, kiosk: kiosk, issuedAt: now
        )
        lastSequence[service.id] = sequence
        tickets[ticket.id] = ticket
        enqueue(ticket)
        change.ticket = ticket
        change.tickets.append(ticket)
        emit(.ticketIssued, now, EventData(ticket: view(ticket)), into: &change)
    }

    private mutating func setCounter(_ number: Int, to state: CounterState, now: Date, into change: inout QueueChange) throws(QueueError) {
        guard var counter = counters[number] else { throw .unknownCounter(number) }
        guard counter.state != state else { return }
        if state == .closed, let current = counter.currentTicket, let ticket = tickets[current] {
            throw .counterBusy(number, ticket.number)
        }
        counter.state = state
        save(counter, into: &change)
        let type: EventType = switch state {
        case .open: .counterOpened
        case .paused: .counterPaused
        case .closed: .counterClosed
        }
        emit(type, now, EventData(counter: number, counterState: state), into: &change)
    }

    private mutating func callNext(_ number: Int, now: Date, into change: inout QueueChange) throws(QueueError) {
        guard var counter = counters[number] else { throw .unknownCounter(number) }
        switch counter.state {
        case .closed: throw .counterClosed(number)
        case .paused: throw .counterPaused(number)
        case .open: break
        }
        if let current = counter.currentTicket, var ticket = tickets[current] {
            ticket.state = .done
            ticket.finishedAt = now
            save(ticket, into: &change)
            recordServiceTime(ticket)
            emit(.ticketDone, now, EventData(ticket: view(ticket), counter: number), into: &change)
            counter.currentTicket = nil
        }
        guard var ticket = nextCandidate(for: counter, now: now) else {
            save(counter, into: &change)
            return
        }
        dequeue(ticket)
        ticket.state = .called
        ticket.counter = number
        ticket.targetCounter = nil
        ticket.callCount = 1
        ticket.calledAt = now
        counter.currentTicket = ticket.id
        counter.regularsSincePriority = ticket.isPriority ? 0 : counter.regularsSincePriority + 1
        save(ticket, into: &change)
        save(counter, into: &change)
        change.ticket = ticket
        emit(.ticketCalled, now, EventData(ticket: view(ticket), counter: number), into: &change)
    }

    /// What the policy picks among the queued tickets the counter may call. Each line is ordered, so
    /// only the front of each (the oldest of each class, with its ties) can be chosen: a long queue
    /// costs nothing more.
    private func nextCandidate(for counter: Counter, now: Date) -> Ticket? {
        let lines = counter.services.compactMap { queues[$0] } + [targeted[counter.number]].compactMap { $0 }
        let candidates = lines.flatMap { $0.front(in: tickets, before: Self.queueOrder) }
        return settings.policy.choose(for: counter, among: candidates, now: now)
    }

    private func current(_ number: Int, allowed: Set<TicketState>) throws(QueueError) -> (Counter, Ticket) {
        guard let counter = counters[number] else { throw .unknownCounter(number) }
        guard let id = counter.currentTicket, let ticket = tickets[id] else { throw .noCurrentTicket(number) }
        guard allowed.contains(ticket.state) else { throw .notServing(number, ticket.number) }
        return (counter, ticket)
    }

    private mutating func recall(_ number: Int, now: Date, into change: inout QueueChange) throws(QueueError) {
        var (_, ticket) = try current(number, allowed: [.called])
        ticket.callCount += 1
        save(ticket, into: &change)
        change.ticket = ticket
        emit(.ticketRecalled, now, EventData(ticket: view(ticket), counter: number), into: &change)
    }

    private mutating func start(_ number: Int, now: Date, into change: inout QueueChange) throws(QueueError) {
        var (_, ticket) = try current(number, allowed: [.called])
        ticket.state = .serving
        ticket.servedAt = now
        save(ticket, into: &change)
        change.ticket = ticket
        emit(.ticketServing, now, EventData(ticket: view(ticket), counter: number), into: &change)
    }

    private mutating func finish(_ number: Int, dossier: String?, rating: Int?, now: Date, into change: inout QueueChange) throws(QueueError) {
        var (counter, ticket) = try current(number, allowed: [.called, .serving])
        if let rating, !(1...5).contains(rating) { throw .badRating(rating) }
        if let dossier, DossierCode(dossier) == nil { throw .badDossierCode(dossier) }
        ticket.state = .done
        ticket.finishedAt = now
        ticket.dossier = dossier
        ticket.rating = rating
        counter.currentTicket = nil
        save(ticket, into: &change)
        save(counter, into: &change)
        recordServiceTime(ticket)
        change.ticket = ticket
        emit(.ticketDone, now, EventData(ticket: view(ticket), counter: number), into: &change)
    }

    private mutating func noShow(_ number: Int, now: Date, into change: inout QueueChange) throws(QueueError) {
        var (counter, ticket) = try current(number, allowed: [.called])
        guard ticket.callCount >= settings.noShowAfterCalls else {
            throw .tooFewCalls(ticket.number, calls: ticket.callCount, needed: settings.noShowAfterCalls)
        }
        ticket.state = .noShow
        ticket.finishedAt = now
        counter.currentTicket = nil
        save(ticket, into: &change)
        save(counter, into: &change)
        change.ticket = ticket
        emit(.ticketNoShow, now, EventData(ticket: view(ticket), counter: number), into: &change)
    }

    private mutating func transfer(_ number: Int, to target: TransferTarget, now: Date, into change: inout QueueChange) throws(QueueError) {
        var (counter, ticket) = try current(number, allowed: [.called, .serving])
        let fromService = services[ticket.service]?.code
        switch target {
        case .service(let reference):
            guard let service = service(reference) else { throw .unknownService(reference) }
            guard service.id != ticket.service else { throw .badTransfer("số \(ticket.number) đã thuộc dịch vụ \(service.name)") }
            ticket.service = service.id
            ticket.targetCounter = nil
        case .counter(let other):
            guard counters[other] != nil else { throw .unknownCounter(other) }
            guard other != number else { throw .badTransfer("không thể chuyển số về chính quầy số \(number)") }
            ticket.targetCounter = other
        }
        ticket.state = .transferred
        ticket.counter = nil
        ticket.callCount = 0
        ticket.calledAt = nil
        ticket.servedAt = nil
        ticket.transfers += 1
        counter.currentTicket = nil
        tickets[ticket.id] = ticket
        enqueue(ticket)
        save(ticket, into: &change)
        save(counter, into: &change)
        change.ticket = ticket
        emit(.ticketTransferred, now, EventData(ticket: view(ticket), fromService: fromService, fromCounter: number), into: &change)
    }

    // MARK: The day

    /// Opens or closes the day when its hour has come; a new calendar day starts afresh.
    private mutating func advanceDay(to now: Date, into change: inout QueueChange) {
        let today = BusinessDay(containing: now, in: settings.timeZone)
        if today > status.day {
            if status.phase == .open {
                closeDay(at: status.day.date(at: settings.workingHours.end, in: settings.timeZone), into: &change)
            }
            startNewDay(today, into: &change)
        }
        guard today == status.day else { return }
        let time = OfficeCalendar.timeOfDay(now, in: settings.timeZone)
        switch status.phase {
        case .notOpened where settings.workingHours.contains(time):
            status.phase = .open
            change.day = status
            emit(.dayOpened, now, EventData(day: status.day.description), into: &change)
        case .notOpened where time >= settings.workingHours.end:
            status.phase = .closed
            change.day = status
        case .open where time >= settings.workingHours.end:
            closeDay(at: now, into: &change)
        default:
            break
        }
    }

    /// Expires what still waits, finishes what is being served, closes every counter.
    private mutating func closeDay(at moment: Date, into change: inout QueueChange) {
        for counter in orderedCounters where counter.currentTicket != nil || counter.state != .closed {
            var counter = counter
            if let id = counter.currentTicket, var ticket = tickets[id] {
                ticket.finishedAt = moment
                if ticket.state == .serving {
                    ticket.state = .done
                    save(ticket, into: &change)
                    recordServiceTime(ticket)
                    emit(.ticketDone, moment, EventData(ticket: view(ticket), counter: counter.number), into: &change)
                } else {
                    ticket.state = .expired
                    save(ticket, into: &change)
                    emit(.ticketExpired, moment, EventData(ticket: view(ticket), counter: counter.number), into: &change)
                }
                counter.currentTicket = nil
            }
            if counter.state != .closed {
                counter.state = .closed
                save(counter, into: &change)
                emit(.counterClosed, moment, EventData(counter: counter.number, counterState: .closed), into: &change)
            } else {
                save(counter, into: &change)
            }
        }
        for var ticket in tickets.values.filter({ $0.state.isQueued }).sorted(by: Self.queueOrder) {
            dequeue(ticket)
            ticket.state = .expired
            ticket.finishedAt = moment
            save(ticket, into: &change)
            emit(.ticketExpired, moment, EventData(ticket: view(ticket)), into: &change)
        }
        status.phase = .closed
        change.day = status
        emit(.dayClosed, moment, EventData(day: status.day.description, summary: summary), into: &change)
    }

    private mutating func startNewDay(_ day: BusinessDay, into change: inout QueueChange) {
        status = DayStatus(day: day, phase: .notOpened)
        change.day = status
        tickets = [:]
        lastSequence = [:]
        queues = [:]
        targeted = [:]
        serviceTimes = [:]
        for var counter in orderedCounters where counter.state != .closed || counter.currentTicket != nil || counter.regularsSincePriority != 0 {
            counter.state = .closed
            counter.currentTicket = nil
            counter.regularsSincePriority = 0
            save(counter, into: &change)
        }
    }

    // MARK: Following another state

    /// Brings this state up to date with a change made to another copy of it: the same rows, the same
    /// day, the same last event seq, as if the operation had run here.
    ///
    /// The writer keeps two copies: one it applies operations to at once, and one that absorbs each
    /// change only when it is on disk, so readers see nothing that is not yet stored.
    public mutating func absorb(_ change: QueueChange) {
        let day = change.day?.day ?? status.day
        if day != status.day {
            tickets = [:]
            lastSequence = [:]
            queues = [:]
            targeted = [:]
            serviceTimes = [:]
        }
        if let newStatus = change.day { status = newStatus }
        for ticket in change.tickets where ticket.day == day {
            let old = tickets[ticket.id]
            if let old, old.state.isQueued { dequeue(old) }
            tickets[ticket.id] = ticket
            if ticket.state.isQueued { enqueue(ticket) }
            lastSequence[ticket.issuedService] = max(lastSequence[ticket.issuedService] ?? 0, ticket.sequence)
            if ticket.state == .done && old?.state != .done { recordServiceTime(ticket) }
        }
        for counter in change.counters { counters[counter.number] = counter }
        if let last = change.events.last { lastEventSeq = max(lastEventSeq, last.seq) }
    }

    // MARK: Bookkeeping

    private static func queueOrder(_ a: Ticket, _ b: Ticket) -> Bool {
        (a.issuedAt, a.issuedService, a.sequence) < (b.issuedAt, b.issuedService, b.sequence)
    }

    private mutating func enqueue(_ ticket: Ticket) {
        if let counter = ticket.targetCounter {
            targeted[counter, default: WaitingLine()].insert(ticket, in: tickets, before: Self.queueOrder)
        } else {
            queues[ticket.service, default: WaitingLine()].insert(ticket, in: tickets, before: Self.queueOrder)
        }
    }

    private mutating func dequeue(_ ticket: Ticket) {
        if let counter = ticket.targetCounter {
            targeted[counter]?.remove(ticket)
        } else {
            queues[ticket.service]?.remove(ticket)
        }
    }

    private mutating func recordServiceTime(_ ticket: Ticket) {
        guard ticket.state == .done, let end = ticket.finishedAt, let start = ticket.servedAt ?? ticket.calledAt else { return }
        serviceTimes[ticket.service, default: []].append(max(0, end.timeIntervalSince(start)))
        if serviceTimes[ticket.service]!.count > 4 * settings.estimateSample {
            serviceTimes[ticket.service]!.removeFirst(serviceTimes[ticket.service]!.count - settings.estimateSample)
        }
    }

    private mutating func save(_ ticket: Ticket, into change: inout QueueChange) {
        tickets[ticket.id] = ticket
        change.tickets.append(ticket)
    }

    private mutating func save(_ counter: Counter, into change: inout QueueChange) {
        counters[counter.number] = counter
        change.counters.append(counter)
    }

    private mutating func emit(_ type: EventType, _ at: Date, _ data: EventData, into change: inout QueueChange) {
        lastEventSeq += 1
        change.events.append(QueueEvent(
            id: UUID().uuidString.lowercased(), seq: lastEventSeq, type: type, at: at, site: settings.site, data: data
        ))
    }
}
