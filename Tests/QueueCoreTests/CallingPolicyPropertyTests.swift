import Foundation
import QueueCore
import Testing

/// Random days of random operations, checked after every step against rules computed here from the
/// state's public API (never by asking `CallingPolicy`).
///
/// A failure names its seed; `QUEUECORE_SEED=0x… swift test --filter CallingPolicyPropertyTests` replays it alone.
@Suite("Queue properties over random operation sequences")
struct CallingPolicyPropertyTests {
    static let environment = ProcessInfo.processInfo.environment
    /// 150 sequences of 300 steps keep the file near two seconds in a debug build; raise them for a soak
    /// (`QUEUECORE_SEQUENCES=5000`).
    static let sequences = environment["QUEUECORE_SEQUENCES"].flatMap { Int($0) } ?? 150
    static let steps = environment["QUEUECORE_STEPS"].flatMap { Int($0) } ?? 300
    /// The sequences are split in chunks that run in parallel.
    static let chunks = 4
    static let baseSeed: UInt64 = 0x6D6F_7463_7561_2026
    static let replaySeed: UInt64? = environment["QUEUECORE_SEED"].map { text in
        UInt64(text.hasPrefix("0x") ? String(text.dropFirst(2)) : text, radix: 16)!
    }

    static func seeds(chunk: Int) -> [UInt64] {
        if let replaySeed { return chunk == 0 ? [replaySeed] : [] }
        // Each run's seed is drawn from a generator (seeds a fixed step apart would give SplitMix64 streams
        // that are the same stream shifted by one draw).
        var seeds = SplitMix64(seed: baseSeed)
        return (0..<sequences).map { _ in seeds.next() }.enumerated().filter { $0.offset % chunks == chunk }.map(\.element)
    }

    @Test("every rule holds after every step of random days", arguments: 0..<chunks)
    func randomSequences(chunk: Int) {
        var failedSeeds: [String] = []
        var coverage = Coverage()
        for seed in Self.seeds(chunk: chunk) {
            let run = RandomDay(seed: seed)
            run.play(steps: Self.steps)
            if run.failures > 0 { failedSeeds.append(run.seedText) }
            coverage.add(run.coverage)
        }
        if !failedSeeds.isEmpty { print("QueueCore property test: failing seeds \(failedSeeds.joined(separator: ", "))") }
        #expect(failedSeeds.isEmpty, "failing seeds: \(failedSeeds.joined(separator: ", "))")
        if ProcessInfo.processInfo.environment["QUEUECORE_COVERAGE"] != nil { print("chunk \(chunk): \(coverage)") }
        guard Self.replaySeed == nil, Self.sequences >= 150, Self.steps >= 300 else { return }
        // The generator reached every situation the rules are about, so the checks were not vacuous.
        #expect(coverage.issued > 1000)
        #expect(coverage.calls > 500)
        #expect(coverage.overdueCalls > 20)
        #expect(coverage.priorityWaitingCalls > 50)
        #expect(coverage.regularOverPriority > 10)
        #expect(coverage.transferredCalls > 10)
        #expect(coverage.targetedCalls > 5)
        #expect(coverage.dayCloses > 5 && coverage.newDays > 1)
        #expect(coverage.restores > 5)
        #expect(Set(coverage.refusals.keys).isSuperset(of: [
            "unknown_service", "unknown_priority", "service_closed", "outside_hours", "quota_reached",
            "unknown_counter", "counter_closed", "counter_paused", "counter_busy", "no_current_ticket",
            "not_serving", "too_few_calls", "bad_rating", "bad_code", "bad_transfer",
        ]), "\(coverage.refusals)")
    }
}

/// What the random runs went through, to show that the checks were not vacuous.
struct Coverage {
    var issued = 0
    var calls = 0
    var overdueCalls = 0
    var priorityWaitingCalls = 0
    var regularOverPriority = 0
    var transferredCalls = 0
    var targetedCalls = 0
    var dayCloses = 0
    var newDays = 0
    var restores = 0
    var refusals: [String: Int] = [:]

    mutating func add(_ other: Coverage) {
        issued += other.issued; calls += other.calls; overdueCalls += other.overdueCalls
        priorityWaitingCalls += other.priorityWaitingCalls; regularOverPriority += other.regularOverPriority
        transferredCalls += other.transferredCalls; targetedCalls += other.targetedCalls
        dayCloses += other.dayCloses; newDays += other.newDays; restores += other.restores
        refusals.merge(other.refusals, uniquingKeysWith: +)
    }
}

/// One random run: a random office, a simulated clock, random operations, checks after each step.
final class RandomDay {
    let seed: UInt64
    private var rng: SplitMix64
    private var state: QueueState
    /// A copy that only absorbs the changes, as the writer's committed copy does.
    private var mirror: QueueState
    private var now: Date
    private let maxStep: Int
    /// The office's counters and services, which never change during a run.
    private let counterNumbers: [Int]
    private let services: [Service]
    private let calendar: Calendar

    private(set) var failures = 0
    /// Whether this step runs the whole-state scans too.
    private var thorough = true
    static let thoroughEvery = 20
    private(set) var coverage = Coverage()
    private var step = 0
    /// What the step is doing, described only when a check fails.
    private enum Context { case advance, restore, operation(QueueOperation) }
    private var context = Context.advance

    // The model, kept here from what the operations returned.
    /// Last sequence handed out per day and issuing service.
    private var lastSequence: [BusinessDay: [Int: Int]] = [:]
    /// Every number handed out per day.
    private var numbers: [BusinessDay: Set<String>] = [:]
    /// Regular tickets called in a row at a counter while a priority ticket it could call waited (no one overdue).
    private var regularRun: [Int: Int] = [:]

    static let validDossiers = ["000.00.19.H47-260105-0001", "H57.132-260804-0583", "38.98.H29-210519-0013"]
    static let invalidDossiers = ["1.011442.000.00.00.H38", "H57.132-260231-0583", "h57.132-260804-0583"]

    var seedText: String { "0x" + String(seed, radix: 16) }

    init(seed: UInt64) {
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        let rule: CallingPolicy.PriorityRule = rng.chance(0.35) ? .strict : .interleave(regularPerPriority: rng.int(0...3))
        let order: CallingPolicy.ServiceOrder = rng.chance(0.75) ? .oldest : .preference
        let maxWait: TimeInterval? = rng.chance(0.2) ? nil : Double(rng.int(5...60) * 60)
        let settings = QueueSettings(
            site: "prop", policy: CallingPolicy(priorityRule: rule, serviceOrder: order, maxWait: maxWait),
            noShowAfterCalls: rng.int(1...3), priorityGroups: rng.chance(0.25) ? [] : PriorityGroup.usual,
            defaultServiceTime: 300, estimateSample: rng.int(1...8)
        )
        func quota(_ rng: inout SplitMix64) -> Int? { rng.chance(0.35) ? rng.int(3...30) : nil }
        let services = [
            Service(id: 1, code: "HT", name: "Hộ tịch", prefix: "A", dailyQuota: quota(&rng)),
            Service(id: 2, code: "DD", name: "Đất đai", prefix: "B",
                    issuingWindows: rng.chance(0.5) ? [TimeWindow("07:30-11:00")!, TimeWindow("13:30-16:30")!] : [],
                    dailyQuota: quota(&rng)),
            Service(id: 3, code: "XD", name: "Xây dựng", prefix: "", numberFormat: .block(start: 1001), dailyQuota: quota(&rng)),
            Service(id: 4, code: "TP", name: "Tư pháp", prefix: "D", numberFormat: .prefixed(digits: 2),
                    dailyQuota: quota(&rng), enabled: !rng.chance(0.2)),
        ]
        let counters = (1...rng.int(2...5)).map { number in
            Counter(number: number, services: Array([1, 2, 3, 4].shuffled(using: &rng).prefix(rng.int(1...3))))
        }
        counterNumbers = counters.map(\.number)
        self.services = services
        let lastEventSeq = Int64(rng.int(0...5000))
        state = QueueState(
            settings: settings, status: DayStatus(day: BusinessDay(year: 2026, month: 11, day: 30), phase: .notOpened),
            services: services, counters: counters, tickets: [], lastEventSeq: lastEventSeq
        )
        mirror = state
        now = BusinessDay(year: 2026, month: 11, day: 30).date(at: TimeOfDay("06:40")!, in: OfficeCalendar.vietnam)
            .addingTimeInterval(Double(rng.int(0...3600)))
        maxStep = rng.int(30...300)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        self.calendar = calendar
        self.rng = rng
    }

    // MARK: Running

    func play(steps: Int) {
        for index in 0..<steps {
            step = index
            // The cheap checks run after every step; the whole-state scans every few steps, after every
            // change of day and restore, and at the end.
            thorough = index % RandomDay.thoroughEvery == 0 || index == steps - 1
            moveClock()
            context = .advance
            let beforeAdvance = state
            let dayChange = state.advance(to: now)
            mirror.absorb(dayChange)
            if !dayChange.isEmpty {
                checkAdvance(from: beforeAdvance, dayChange)
                if dayChange.day != nil { thorough = true }
                checkCounters()
                if thorough { checkInvariants() }
            }
            if rng.chance(0.01) {
                restore()
                thorough = true
            } else {
                let operation = randomOperation()
                context = .operation(operation)
                perform(operation)
            }
            checkCounters()
            if thorough { checkInvariants() }
            if failures > 0 { return }
        }
    }

    private func moveClock() {
        if rng.chance(0.003) {
            let next = calendar.date(byAdding: .day, value: 1, to: now)!
            let day = BusinessDay(containing: next, in: OfficeCalendar.vietnam)
            now = day.date(at: TimeOfDay(hour: 6, minute: 40)!, in: OfficeCalendar.vietnam).addingTimeInterval(Double(rng.int(0...3600)))
        } else if rng.chance(0.04) {
            now += Double(rng.int(10...50) * 60)
        } else if !rng.chance(0.15) {
            now += Double(rng.int(1...maxStep))
        }
    }

    /// A daemon restart: the state is rebuilt from what a store would hold.
    private func restore() {
        context = .restore
        coverage.restores += 1
        let old = state
        state = QueueState(
            settings: old.settings, status: old.status, services: Array(old.services.values),
            counters: Array(old.counters.values), tickets: old.tickets.values.sorted { $0.id < $1.id },
            lastEventSeq: old.lastEventSeq
        )
        mirror = state
        check(state.status == old.status && state.tickets == old.tickets && state.counters == old.counters
              && state.lastEventSeq == old.lastEventSeq, "restore changed the stored rows")
        for id in old.services.keys {
            check(state.waiting(service: id).map(\.id) == old.waiting(service: id).map(\.id), "restore reordered service \(id)'s queue")
            check(state.issuedCount(service: id) == old.issuedCount(service: id), "restore changed service \(id)'s issued count")
        }
        for n in old.counters.keys {
            check(state.waiting(targetedTo: n).map(\.id) == old.waiting(targetedTo: n).map(\.id), "restore reordered counter \(n)'s queue")
        }
    }

    private func randomOperation() -> QueueOperation {
        let numbers = counterNumbers
        let counters = state.counters
        let busy = numbers.filter { counters[$0]?.currentTicket != nil }
        let open = numbers.filter { counters[$0]?.state == .open }
        func anyCounter(_ rng: inout SplitMix64) -> Int { rng.chance(0.02) ? 99 : rng.pick(numbers) }
        func openCounter(_ rng: inout SplitMix64) -> Int { !open.isEmpty && rng.chance(0.8) ? rng.pick(open) : anyCounter(&rng) }
        func busyCounter(_ rng: inout SplitMix64) -> Int { !busy.isEmpty && rng.chance(0.85) ? rng.pick(busy) : anyCounter(&rng) }
        var roll = rng.int(0...999)
        // Operations on a current ticket, when no counter has one, are mostly calls instead.
        if (610..<950).contains(roll), busy.isEmpty, rng.chance(0.75) { roll = 400 }
        switch roll {
        case 0..<280:
            let reference: String
            if rng.chance(0.03) {
                reference = rng.pick(["ZZ", "99", "ht"])
            } else {
                let service = rng.pick(services)
                reference = rng.chance(0.5) ? service.code : String(service.id)
            }
            let priority: String? = rng.chance(0.3) ? rng.pick(PriorityGroup.usual).code : (rng.chance(0.02) ? "vip" : nil)
            return .issue(service: reference, priority: priority, kiosk: rng.chance(0.5) ? "k1" : nil)
        case 280..<330: return .open(counter: anyCounter(&rng))
        case 330..<342: return .pause(counter: anyCounter(&rng))
        case 342..<362: return .close(counter: anyCounter(&rng))
        case 610..<650: return .recall(counter: busyCounter(&rng))
        case 650..<720: return .start(counter: busyCounter(&rng))
        case 720..<810:
            let dossier: String? = rng.chance(0.5) ? nil : (rng.chance(0.85) ? rng.pick(Self.validDossiers) : rng.pick(Self.invalidDossiers))
            let rating: Int? = rng.chance(0.4) ? nil : (rng.chance(0.9) ? rng.int(1...5) : rng.pick([0, 6, -3]))
            return .done(counter: busyCounter(&rng), dossier: dossier, rating: rating)
        case 810..<850: return .noShow(counter: busyCounter(&rng))
        case 850..<950:
            let counter = busyCounter(&rng)
            if rng.chance(0.5) {
                let service = rng.pick(services)
                let reference = rng.chance(0.05) ? "NOPE" : (rng.chance(0.5) ? service.code : String(service.id))
                return .transfer(counter: counter, to: .service(reference))
            }
            return .transfer(counter: counter, to: .counter(anyCounter(&rng)))
        case 950..<960: return .tick
        default:
            // With every counter closed, a clerk mostly opens one first.
            if open.isEmpty, rng.chance(0.7) { return .open(counter: rng.pick(numbers)) }
            return .next(counter: openCounter(&rng))
        }
    }

    // MARK: Checking

    private func describe(_ context: Context) -> String {
        switch context {
        case .advance: "advance"
        case .restore: "restore"
        case .operation(let operation): "\(operation)"
        }
    }

    /// The absorbing copy holds exactly what the operating copy holds.
    private func checkMirror() {
        check(mirror.status == state.status, "absorb: day differs")
        check(mirror.lastEventSeq == state.lastEventSeq, "absorb: last event seq differs")
        check(mirror.counters == state.counters, "absorb: counters differ")
        guard thorough else { return }
        check(mirror.tickets == state.tickets, "absorb: tickets differ")
        for id in state.services.keys {
            check(mirror.waiting(service: id).map(\.id) == state.waiting(service: id).map(\.id), "absorb: service \(id)'s queue differs")
            check(mirror.issuedCount(service: id) == state.issuedCount(service: id), "absorb: service \(id)'s issued count differs")
            let ahead = state.waitingCount(service: id)
            check(mirror.estimatedWait(service: id, ahead: ahead) == state.estimatedWait(service: id, ahead: ahead), "absorb: service \(id)'s estimate differs")
        }
        for n in state.counters.keys {
            check(mirror.waiting(targetedTo: n).map(\.id) == state.waiting(targetedTo: n).map(\.id), "absorb: counter \(n)'s queue differs")
        }
    }

    private func check(_ condition: Bool, _ what: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard !condition else { return }
        failures += 1
        guard failures <= 5 else { return }
        Issue.record(
            "seed \(seedText), step \(step), \(describe(context)) at \(Timestamp.format(now)): \(what()) (replay: QUEUECORE_SEED=\(seedText))",
            sourceLocation: sourceLocation
        )
    }

    private func perform(_ operation: QueueOperation) {
        let before = state
        let expected = expectedRefusal(operation, in: before)
        do {
            let change = try state.apply(operation, now: now)
            mirror.absorb(change)
            checkMirror()
            check(expected == nil, "accepted, expected \(expected ?? "")")
            checkChange(change, from: before, eventsAt: operation == .tick ? nil : now)
            checkSuccess(operation, before: before, change: change)
        } catch {
            coverage.refusals[error.code, default: 0] += 1
            check(expected == error.code, "refused with \(error.code), expected \(expected ?? "success")")
            // (f) a refused operation changes nothing.
            check(state.status == before.status, "refusal changed the day")
            check(state.lastEventSeq == before.lastEventSeq, "refusal used event seqs")
            check(state.counters == before.counters, "refusal changed counters")
            check(state.tickets == before.tickets, "refusal changed tickets")
            guard thorough else { return }
            for id in before.services.keys {
                check(state.waiting(service: id).map(\.id) == before.waiting(service: id).map(\.id), "refusal changed queue \(id)")
                check(state.issuedCount(service: id) == before.issuedCount(service: id), "refusal changed numbering of \(id)")
            }
            for n in before.counters.keys {
                check(state.waiting(targetedTo: n).map(\.id) == before.waiting(targetedTo: n).map(\.id), "refusal changed counter \(n)'s queue")
            }
        }
    }

    /// (f) events gap-free from the last seq; the change lists every row that changed, as it is now.
    private func checkChange(_ change: QueueChange, from before: QueueState, eventsAt at: Date?) {
        let s = state
        let seqs = change.events.map(\.seq)
        let expected = (0..<Int64(seqs.count)).map { before.lastEventSeq + 1 + $0 }
        check(seqs == expected, "event seqs \(seqs) after \(before.lastEventSeq)")
        check(s.lastEventSeq == before.lastEventSeq + Int64(seqs.count), "lastEventSeq \(s.lastEventSeq)")
        if change.events.count > 1 { check(Set(change.events.map(\.id)).count == change.events.count, "event ids repeat") }
        check(change.events.allSatisfy { $0.site == "prop" }, "event site")
        if let at { check(change.events.allSatisfy { $0.at == at }, "event time is not the operation's") }
        var lastTicket: [Ticket.ID: Ticket] = [:]
        for ticket in change.tickets { lastTicket[ticket.id] = ticket }
        for (id, ticket) in lastTicket where before.status.day == s.status.day {
            check(s.tickets[id] == ticket, "change row of \(ticket.number) differs from the state")
        }
        var lastCounter: [Int: Counter] = [:]
        for counter in change.counters { lastCounter[counter.number] = counter }
        for (number, counter) in lastCounter { check(s.counters[number] == counter, "change row of counter \(number) differs") }
        for (number, counter) in s.counters where before.counters[number] != counter {
            check(lastCounter[number] != nil, "counter \(number) changed but is not in the change")
        }
        if thorough && before.status.day == s.status.day {
            for (id, ticket) in s.tickets where before.tickets[id] != ticket {
                check(lastTicket[id] != nil, "ticket \(ticket.number) changed but is not in the change")
            }
        }
        if s.status != before.status { check(change.day == s.status, "day change not reported") }
        // The tickets it touched are where their state says: at their counter, or in the right queue.
        guard thorough, before.status.day == s.status.day else { return }
        for (id, ticket) in lastTicket {
            if ticket.state.isAtCounter {
                check(ticket.counter.flatMap { s.counters[$0]?.currentTicket } == id, "\(ticket.number) is \(ticket.state) but its counter does not hold it")
            } else if ticket.state.isQueued {
                let queue = ticket.targetCounter.map { s.waiting(targetedTo: $0) } ?? s.waiting(service: ticket.service)
                check(queue.contains { $0.id == id }, "queued \(ticket.number) is not in its queue")
            } else {
                check(!s.counters.values.contains { $0.currentTicket == id }, "finished \(ticket.number) still held by a counter")
            }
        }
    }

    // MARK: Expected outcomes, from the public state

    private func minutes(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return parts.hour! * 60 + parts.minute!
    }

    private func issued(_ service: Int, in state: QueueState) -> Int { lastSequence[state.status.day]?[service] ?? 0 }

    private static func capacity(_ format: TicketNumberFormat) -> Int {
        switch format {
        case .prefixed(let digits): return Int(pow(10, Double(digits))) - 1
        case .block(let start):
            let text = String(start)
            let leading = Int(String(text.first!))!
            return text.count == 1 ? 10 - start : (leading + 1) * Int(pow(10, Double(text.count - 1))) - start
        }
    }

    private static func number(_ service: Service, _ sequence: Int) -> String {
        switch service.numberFormat {
        case .prefixed(let digits):
            let text = String(sequence)
            return service.prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
        case .block(let start): return String(start + sequence - 1)
        }
    }

    private func lookUp(_ reference: String, in state: QueueState) -> Service? {
        if let id = Int(reference), let service = state.services[id] { return service }
        return state.services.values.first { $0.code == reference }
    }

    private func expectedRefusal(_ operation: QueueOperation, in s: QueueState) -> String? {
        func atCounter(_ n: Int, _ allowed: [TicketState]) -> (String?, Ticket?) {
            guard let counter = s.counters[n] else { return ("unknown_counter", nil) }
            guard let id = counter.currentTicket, let ticket = s.tickets[id] else { return ("no_current_ticket", nil) }
            guard allowed.contains(ticket.state) else { return ("not_serving", nil) }
            return (nil, ticket)
        }
        switch operation {
        case .tick:
            return nil
        case .recordLookup, .announceReady, .recordDevice:
            // Dossier events touch no ticket or counter; DossierEventTests covers their refusals.
            return nil
        case let .issue(reference, priority, _):
            guard let service = lookUp(reference, in: s) else { return "unknown_service" }
            if let priority, !s.settings.priorityGroups.contains(where: { $0.code == priority }) { return "unknown_priority" }
            guard service.enabled else { return "service_closed" }
            let m = minutes(now)
            let hours = s.settings.workingHours
            let inWindow = service.issuingWindows.isEmpty || service.issuingWindows.contains { $0.start.minutes <= m && m < $0.end.minutes }
            guard s.status.phase == .open, BusinessDay(containing: now, in: OfficeCalendar.vietnam) == s.status.day,
                  hours.start.minutes <= m, m < hours.end.minutes, inWindow else { return "outside_hours" }
            if issued(service.id, in: s) >= min(service.dailyQuota ?? .max, Self.capacity(service.numberFormat)) { return "quota_reached" }
            return nil
        case .open(let n), .pause(let n):
            return s.counters[n] == nil ? "unknown_counter" : nil
        case .close(let n):
            guard let counter = s.counters[n] else { return "unknown_counter" }
            return counter.state != .closed && counter.currentTicket != nil ? "counter_busy" : nil
        case .next(let n):
            switch s.counters[n]?.state {
            case nil: return "unknown_counter"
            case .closed?: return "counter_closed"
            case .paused?: return "counter_paused"
            case .open?: return nil
            }
        case .recall(let n), .start(let n):
            return atCounter(n, [.called]).0
        case let .done(n, dossier, rating):
            if let refusal = atCounter(n, [.called, .serving]).0 { return refusal }
            if let rating, !(1...5).contains(rating) { return "bad_rating" }
            if let dossier, !Self.validDossiers.contains(dossier) { return "bad_code" }
            return nil
        case .noShow(let n):
            let (refusal, ticket) = atCounter(n, [.called])
            if let refusal { return refusal }
            return ticket!.callCount < s.settings.noShowAfterCalls ? "too_few_calls" : nil
        case let .transfer(n, target):
            let (refusal, ticket) = atCounter(n, [.called, .serving])
            if let refusal { return refusal }
            switch target {
            case .service(let reference):
                guard let service = lookUp(reference, in: s) else { return "unknown_service" }
                return service.id == ticket!.service ? "bad_transfer" : nil
            case .counter(let other):
                guard s.counters[other] != nil else { return "unknown_counter" }
                return other == n ? "bad_transfer" : nil
            }
        }
    }

    /// The queued tickets counter `n` may call: its services' (not sent elsewhere) and those sent to it.
    private func candidates(_ n: Int, in s: QueueState) -> [Ticket] {
        guard let counter = s.counters[n] else { return [] }
        return s.tickets.values.filter {
            $0.state.isQueued && ($0.targetCounter == n || ($0.targetCounter == nil && counter.services.contains($0.service)))
        }
    }

    // MARK: Successful operations

    private func checkSuccess(_ operation: QueueOperation, before b: QueueState, change c: QueueChange) {
        let s = state
        switch operation {
        case .tick:
            checkAdvance(from: b, c)
        case .recordLookup, .announceReady, .recordDevice:
            #expect(c.tickets.isEmpty && c.counters.isEmpty && c.events.count == 1)
        case let .issue(reference, priority, kiosk):
            checkIssue(lookUp(reference, in: b)!, priority: priority, kiosk: kiosk, before: b, change: c)
        case .open(let n), .pause(let n), .close(let n):
            let target: CounterState
            let type: EventType
            switch operation {
            case .open: (target, type) = (.open, .counterOpened)
            case .pause: (target, type) = (.paused, .counterPaused)
            default: (target, type) = (.closed, .counterClosed)
            }
            check(s.counters[n]?.state == target, "counter \(n) is \(String(describing: s.counters[n]?.state))")
            check(c.types == (b.counters[n]?.state == target ? [] : [type]), "events \(c.types)")
            check(s.counters[n]?.currentTicket == b.counters[n]?.currentTicket, "current ticket changed")
        case .next(let n):
            checkNext(n, before: b, change: c)
        case .recall(let n):
            let id = b.counters[n]!.currentTicket!
            check(s.tickets[id]?.callCount == b.tickets[id]!.callCount + 1, "recall did not count")
            check(s.tickets[id]?.state == .called && c.types == [.ticketRecalled], "recall: \(c.types)")
        case .start(let n):
            let id = b.counters[n]!.currentTicket!
            check(s.tickets[id]?.state == .serving && s.tickets[id]?.servedAt == now, "start: not serving")
            check(c.types == [.ticketServing], "start: \(c.types)")
        case let .done(n, dossier, rating):
            let id = b.counters[n]!.currentTicket!
            let ticket = s.tickets[id]
            check(ticket?.state == .done && ticket?.finishedAt == now && ticket?.dossier == dossier && ticket?.rating == rating, "done: \(String(describing: ticket))")
            check(s.counters[n]?.currentTicket == nil && c.types == [.ticketDone], "done: counter or events")
        case .noShow(let n):
            let id = b.counters[n]!.currentTicket!
            check(s.tickets[id]?.state == .noShow && s.tickets[id]?.finishedAt == now, "no-show: state")
            check(s.counters[n]?.currentTicket == nil && c.types == [.ticketNoShow], "no-show: counter or events")
        case let .transfer(n, target):
            checkTransfer(n, to: target, before: b, change: c)
        }
    }

    /// (a) numbering: contiguous 1…n per issuing service and day, never a number twice in a day.
    private func checkIssue(_ service: Service, priority: String?, kiosk: String?, before b: QueueState, change c: QueueChange) {
        let s = state
        coverage.issued += 1
        guard let ticket = c.ticket else { return check(false, "issue returned no ticket") }
        let day = b.status.day
        let sequence = (lastSequence[day]?[service.id] ?? 0) + 1
        check(ticket.sequence == sequence, "sequence \(ticket.sequence), expected \(sequence)")
        check(ticket.number == Self.number(service, sequence), "number \(ticket.number), expected \(Self.number(service, sequence))")
        check(!(numbers[day]?.contains(ticket.number) ?? false), "number \(ticket.number) issued twice on \(day)")
        check(ticket.day == day && ticket.issuedAt == now && ticket.state == .waiting, "issued ticket \(ticket)")
        check(ticket.issuedService == service.id && ticket.service == service.id && ticket.priority == priority && ticket.kiosk == kiosk, "issued ticket fields")
        check(c.types == [.ticketIssued] && c.events.first?.data.ticket?.id == ticket.id, "issue events \(c.types)")
        if thorough { check(s.waiting(service: service.id).contains { $0.id == ticket.id }, "issued ticket not in its queue") }
        lastSequence[day, default: [:]][service.id] = sequence
        numbers[day, default: []].insert(ticket.number)
    }

    private func checkNext(_ n: Int, before b: QueueState, change c: QueueChange) {
        let s = state
        let counter = b.counters[n]!
        let pool = candidates(n, in: b)
        var expectedTypes: [EventType] = []
        if let previous = counter.currentTicket {
            expectedTypes.append(.ticketDone)
            check(s.tickets[previous]?.state == .done && s.tickets[previous]?.finishedAt == now, "next did not finish the current ticket")
        }
        guard let called = c.ticket else {
            check(pool.isEmpty, "next called nobody while \(pool.map(\.number)) could be called")
            check(s.counters[n]?.currentTicket == nil && c.types == expectedTypes, "next with nobody: \(c.types)")
            return
        }
        expectedTypes.append(.ticketCalled)
        check(c.types == expectedTypes, "next events \(c.types)")
        coverage.calls += 1

        // (a) it was queued just before, where this counter may call it; it is now at this counter only.
        guard let was = b.tickets[called.id] else { return check(false, "called an unknown ticket") }
        check(was.state.isQueued, "called \(called.number), which was \(was.state)")
        check(pool.contains { $0.id == called.id }, "called \(called.number), which counter \(n) may not call")
        check(s.tickets[called.id] == called, "returned ticket differs from the state")
        check(called.state == .called && called.counter == n && called.callCount == 1 && called.calledAt == now
              && called.targetCounter == nil, "called ticket \(called)")
        check(s.counters[n]?.currentTicket == called.id, "counter \(n) does not hold the called ticket")
        check(called.number == was.number && called.issuedAt == was.issuedAt && called.priority == was.priority, "call changed the ticket's identity")
        if was.state == .transferred { coverage.transferredCalls += 1 }
        if was.targetCounter != nil { coverage.targetedCalls += 1 }

        let policy = b.settings.policy
        // (b) nothing overtakes a ticket that has waited maxWait.
        var overdue: [Ticket] = []
        if let maxWait = policy.maxWait {
            overdue = pool.filter { now.timeIntervalSince($0.issuedAt) >= maxWait }
            if !overdue.isEmpty {
                coverage.overdueCalls += 1
                check(overdue.contains { $0.id == called.id }, "called \(called.number) while \(overdue.map(\.number)) waited past maxWait")
                let older = overdue.filter { $0.issuedAt < was.issuedAt }
                check(older.isEmpty, "called overdue \(called.number) before older overdue \(older.map(\.number))")
            }
        }

        // (c) priority.
        let waitingPriority = pool.filter(\.isPriority)
        if overdue.isEmpty, !waitingPriority.isEmpty {
            coverage.priorityWaitingCalls += 1
            if !was.isPriority { coverage.regularOverPriority += 1 }
            switch policy.priorityRule {
            case .strict:
                check(was.isPriority, "strict: called regular \(called.number) while priority \(waitingPriority.map(\.number)) waited")
            case .interleave(let regularPerPriority):
                if !was.isPriority {
                    let run = regularRun[n, default: 0]
                    check(run < regularPerPriority, "interleave(\(regularPerPriority)): regular call \(run + 1) in a row while priority \(waitingPriority.map(\.number)) waited")
                }
            }
        }
        if was.isPriority || (overdue.isEmpty && waitingPriority.isEmpty) {
            regularRun[n] = 0
        } else if overdue.isEmpty {
            regularRun[n, default: 0] += 1
        }

        // (d) within the class, the oldest; (e) a transferred ticket keeps its place in its new queue.
        guard overdue.isEmpty else { return }
        let sameClass = pool.filter { $0.isPriority == was.isPriority && $0.id != was.id }
        let olderTransferred = sameClass.filter {
            $0.state == .transferred && $0.targetCounter == nil && was.targetCounter == nil && $0.service == was.service && $0.issuedAt < was.issuedAt
        }
        check(olderTransferred.isEmpty, "called \(called.number) before transferred \(olderTransferred.map(\.number)), issued earlier")
        switch policy.serviceOrder {
        case .oldest:
            let older = sameClass.filter { $0.issuedAt < was.issuedAt }
            check(older.isEmpty, "oldest: called \(called.number) before older \(older.map(\.number))")
        case .preference:
            if was.targetCounter == nil {
                let rank = counter.services.firstIndex(of: was.service)!
                let preferred = sameClass.filter { $0.targetCounter == nil && counter.services.firstIndex(of: $0.service)! < rank }
                check(preferred.isEmpty, "preference: called \(called.number) before \(preferred.map(\.number)) of a preferred service")
                let older = sameClass.filter { $0.targetCounter == nil && $0.service == was.service && $0.issuedAt < was.issuedAt }
                check(older.isEmpty, "preference: called \(called.number) before older \(older.map(\.number)) of its service")
            } else {
                let older = sameClass.filter { $0.targetCounter == n && $0.issuedAt < was.issuedAt }
                check(older.isEmpty, "preference: called \(called.number) before older \(older.map(\.number)) sent to the counter")
            }
        }
    }

    private func checkTransfer(_ n: Int, to target: TransferTarget, before b: QueueState, change c: QueueChange) {
        let s = state
        let id = b.counters[n]!.currentTicket!
        let was = b.tickets[id]!
        guard let moved = s.tickets[id] else { return check(false, "transferred ticket vanished") }
        check(c.types == [.ticketTransferred], "transfer events \(c.types)")
        check(c.events.first?.data.fromCounter == n && c.events.first?.data.fromService == b.services[was.service]?.code, "transfer event origin")
        check(moved.number == was.number && moved.sequence == was.sequence && moved.issuedService == was.issuedService
              && moved.issuedAt == was.issuedAt && moved.priority == was.priority, "transfer changed the ticket's identity")
        check(moved.state == .transferred && moved.counter == nil && moved.transfers == was.transfers + 1, "transferred ticket \(moved)")
        check(s.counters[n]?.currentTicket == nil, "counter \(n) still holds the transferred ticket")
        let queue: [Ticket]
        switch target {
        case .service(let reference):
            let service = lookUp(reference, in: b)!
            check(moved.service == service.id && moved.targetCounter == nil, "transferred to \(moved.service), not \(service.id)")
            queue = s.waiting(service: service.id)
        case .counter(let other):
            check(moved.service == was.service && moved.targetCounter == other, "transferred to counter \(String(describing: moved.targetCounter))")
            queue = s.waiting(targetedTo: other)
        }
        // Its place: after every ticket issued before it, before every ticket issued after it.
        guard let index = queue.firstIndex(where: { $0.id == id }) else { return check(false, "transferred ticket is not in its new queue") }
        check(queue[..<index].allSatisfy { $0.issuedAt <= moved.issuedAt }, "a later ticket is ahead of the transferred one")
        check(queue[(index + 1)...].allSatisfy { $0.issuedAt >= moved.issuedAt }, "an earlier ticket is behind the transferred one")
    }

    // MARK: The day

    private func checkAdvance(from b: QueueState, _ c: QueueChange) {
        let s = state
        checkChange(c, from: b, eventsAt: nil)
        let types = c.types
        let old = b.status, new = s.status
        check(new.day >= old.day, "the day went back")
        let closedOld = old.phase == .open && (new.day > old.day || new.phase == .closed)
        if closedOld {
            coverage.dayCloses += 1
            let closeEvents = c.events.filter { $0.type == .dayClosed }
            check(closeEvents.count == 1 && closeEvents.first?.data.day == old.day.description, "day.closed events: \(types)")
            if let summary = closeEvents.first?.data.summary {
                let issued = lastSequence[old.day]?.values.reduce(0, +) ?? 0
                let at = b.tickets.values
                let expired = at.filter { $0.state.isQueued || $0.state == .called }.count
                let served = at.filter { $0.state == .done || $0.state == .serving }.count
                let noShow = at.filter { $0.state == .noShow }.count
                check(summary == DaySummary(issued: issued, served: served, noShow: noShow, expired: expired), "summary \(summary)")
                check(types.filter { $0 == .ticketExpired }.count == expired, "ticket.expired events: \(types)")
            }
            let closeAt = old.day.date(at: b.settings.workingHours.end, in: OfficeCalendar.vietnam)
            if new.day > old.day {
                check(c.events.filter { $0.type != .dayOpened }.allSatisfy { $0.at == closeAt }, "yesterday closed at another time")
            } else {
                check(c.events.allSatisfy { $0.at == now }, "the day closed at another time than the tick")
            }
        } else {
            check(!types.contains(.dayClosed) && !types.contains(.ticketExpired), "closing events without closing: \(types)")
        }
        if new.day > old.day {
            coverage.newDays += 1
            regularRun = [:]
            check(s.tickets.isEmpty, "tickets carried into a new day")
            check(s.counters.values.allSatisfy { $0.state == .closed && $0.currentTicket == nil }, "counters open into a new day")
        }
        let opened = new.phase == .open && (new.day > old.day || old.phase != .open)
        check(types.filter { $0 == .dayOpened }.count == (opened ? 1 : 0), "day.opened events: \(types)")
        if opened {
            let m = minutes(now)
            check(m >= b.settings.workingHours.start.minutes && m < b.settings.workingHours.end.minutes, "opened outside working hours")
            check(c.events.last?.type == .dayOpened && c.events.last?.data.day == new.day.description, "day.opened event")
        }
        if closedOld {
            check(s.counters.values.allSatisfy { $0.state == .closed && $0.currentTicket == nil }, "a counter is open after closing")
        }
    }

    // MARK: Invariants

    /// (a) no ticket is current at two counters; a counter holds a ticket called to it.
    @discardableResult
    private func checkCounters() -> [Ticket.ID: Int] {
        var holder: [Ticket.ID: Int] = [:]
        let s = state
        for counter in s.counters.values {
            guard let id = counter.currentTicket else { continue }
            check(holder[id] == nil, "ticket \(id) current at counters \(holder[id]!) and \(counter.number)")
            holder[id] = counter.number
            check(counter.state != .closed, "closed counter \(counter.number) holds a ticket")
            let ticket = s.tickets[id]
            check(ticket?.state.isAtCounter == true && ticket?.counter == counter.number,
                  "counter \(counter.number) holds \(ticket?.number ?? id) in state \(String(describing: ticket?.state))")
        }
        return holder
    }

    /// The whole state: queues hold exactly the queued tickets, in issue order; every ticket at a counter
    /// is held by it; numbering is contiguous and unique within the day.
    private func checkInvariants() {
        let s = state
        let holder = checkCounters()
        var queued = 0
        var sequences: [Int: [Int]] = [:]
        var dayNumbers = Set<String>()
        for ticket in s.tickets.values {
            check(ticket.day == s.status.day, "ticket \(ticket.number) of another day")
            if ticket.state.isAtCounter {
                check(holder[ticket.id] == ticket.counter, "\(ticket.number) is \(ticket.state) but no counter holds it")
            }
            if ticket.state.isQueued { queued += 1 }
            if ticket.state.isQueued || ticket.state.isAtCounter { check(s.status.phase == .open, "\(ticket.number) active while the day is \(s.status.phase)") }
            sequences[ticket.issuedService, default: []].append(ticket.sequence)
            check(dayNumbers.insert(ticket.number).inserted, "number \(ticket.number) twice today")
        }
        for id in s.services.keys {
            let list = sequences[id, default: []].sorted()
            check(list == Array(0..<list.count).map { $0 + 1 }, "service \(id) sequences are not 1…n")
            check(s.issuedCount(service: id) == list.count, "issuedCount(\(id)) = \(s.issuedCount(service: id)), tickets \(list.count)")
            check(list.count == lastSequence[s.status.day]?[id] ?? 0, "service \(id) has \(list.count) tickets, issued \(lastSequence[s.status.day]?[id] ?? 0)")
        }
        var listed = Set<Ticket.ID>()
        var listedCount = 0
        func walk(_ queue: [Ticket], _ belongs: (Ticket) -> Bool, _ name: String) {
            listedCount += queue.count
            var previous: Date?
            for ticket in queue {
                listed.insert(ticket.id)
                check(ticket.state.isQueued && belongs(ticket), "\(name) holds \(ticket.number) (\(ticket.state))")
                if let previous { check(previous <= ticket.issuedAt, "\(name) out of issue order at \(ticket.number)") }
                previous = ticket.issuedAt
            }
        }
        for id in s.services.keys {
            walk(s.waiting(service: id), { $0.service == id && $0.targetCounter == nil }, "queue of service \(id)")
            check(s.waitingCount(service: id) == s.waiting(service: id).count, "waitingCount(\(id))")
        }
        for n in s.counters.keys { walk(s.waiting(targetedTo: n), { $0.targetCounter == n }, "queue of counter \(n)") }
        check(listedCount == queued && listed.count == queued, "queues list \(listedCount) tickets, \(queued) are queued")
    }
}
