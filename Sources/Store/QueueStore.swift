import Foundation
import DurableSQLite
import GRDB
import QueueCore

/// The durable state of the office in one SQLite file: services, counters, the days and their
/// tickets, the event log and the outbox, accounts.
///
/// One writer: every committed ``QueueChange`` lands whole, with its events and outbox rows, in the
/// same transaction; the file runs in WAL mode with `synchronous=FULL`, so what was committed
/// survives a power cut.
public final class QueueStore: Sendable {
    /// The database (a pool on disk, a queue in memory for tests).
    public let database: any DatabaseWriter

    /// Opens (creating if need be) the database file at `path` and brings its schema up to date
    /// (``DurableSQLite``: WAL, `synchronous=FULL` on the writer).
    public init(path: String) throws {
        database = try DurableSQLite.open(path: path, migrator: StoreSchema.migrator)
    }

    /// An in-memory database, for tests.
    public init() throws {
        database = try DurableSQLite.inMemory(migrator: StoreSchema.migrator)
    }

    /// The `synchronous` setting of the writer connection (2 means FULL).
    public func writerSynchronous() throws -> Int {
        try DurableSQLite.writerSynchronous(of: database)
    }

    // MARK: Loading

    /// Loads the state to resume: the latest stored day with its tickets, or a new day at `now`.
    public func loadState(settings: QueueSettings, now: Date) throws -> QueueState {
        try database.read { db in
            let services = try Self.fetchServices(db)
            let counters = try Self.fetchCounters(db)
            let lastSeq = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM event") ?? 0
            let status: DayStatus
            var tickets: [Ticket] = []
            if let row = try Row.fetchOne(db, sql: "SELECT day, phase FROM day ORDER BY day DESC LIMIT 1"),
               let day = BusinessDay(row["day"] as String), let phase = DayPhase(rawValue: row["phase"]) {
                status = DayStatus(day: day, phase: phase)
                tickets = try Self.fetchTickets(db, day: day)
            } else {
                status = DayStatus(day: BusinessDay(containing: now, in: settings.timeZone), phase: .notOpened)
            }
            return QueueState(
                settings: settings, status: status, services: services, counters: counters,
                tickets: tickets, lastEventSeq: lastSeq
            )
        }
    }

    /// Every service, by id.
    public func services() throws -> [Service] {
        try database.read(Self.fetchServices)
    }

    /// Every counter, by number.
    public func counters() throws -> [Counter] {
        try database.read(Self.fetchCounters)
    }

    /// The tickets of one day, oldest first.
    public func tickets(day: BusinessDay) throws -> [Ticket] {
        try database.read { db in try Self.fetchTickets(db, day: day) }
    }

    // MARK: Committing

    /// Stores the changes of several operations in one transaction: rows, events and outbox rows.
    ///
    /// When this returns, every change is on disk; when it throws, none is.
    /// - Returns: the events as the log now holds them, in seq order.
    @discardableResult
    public func commit(_ changes: [QueueChange]) async throws -> [StoredEvent] {
        try await database.write { db in try Self.write(changes, db) }
    }

    private static func write(_ changes: [QueueChange], _ db: Database) throws -> [StoredEvent] {
        var stored: [StoredEvent] = []
        for change in changes {
            if let day = change.day {
                try db.cachedStatement(sql: "INSERT INTO day(day, phase) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET phase = excluded.phase")
                    .execute(arguments: [day.day.description, day.phase.rawValue])
            }
            for ticket in change.tickets { try saveTicket(ticket, db) }
            for counter in change.counters { try saveCounterState(counter, db) }
            for event in change.events {
                let body = event.json()
                try db.cachedStatement(sql: "INSERT INTO event(seq, id, type, at, body) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [event.seq, event.id, event.type.rawValue, event.at.timeIntervalSince1970, body])
                try db.cachedStatement(sql: "INSERT INTO outbox(seq) VALUES (?)").execute(arguments: [event.seq])
                stored.append(StoredEvent(seq: event.seq, type: event.type.rawValue, body: body))
            }
        }
        return stored
    }

    private static func saveTicket(_ t: Ticket, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO ticket(id, day, issued_service, sequence, number, priority, kiosk, issued_at, service,
                target_counter, state, counter, call_count, called_at, served_at, finished_at, dossier, rating, transfers)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET service = excluded.service, target_counter = excluded.target_counter,
                state = excluded.state, counter = excluded.counter, call_count = excluded.call_count,
                called_at = excluded.called_at, served_at = excluded.served_at, finished_at = excluded.finished_at,
                dossier = excluded.dossier, rating = excluded.rating, transfers = excluded.transfers
            """).execute(arguments: [
                t.id, t.day.description, t.issuedService, t.sequence, t.number, t.priority, t.kiosk,
                t.issuedAt.timeIntervalSince1970, t.service, t.targetCounter, t.state.rawValue, t.counter, t.callCount,
                t.calledAt?.timeIntervalSince1970, t.servedAt?.timeIntervalSince1970, t.finishedAt?.timeIntervalSince1970,
                t.dossier, t.rating, t.transfers,
            ])
    }

    private static func saveCounterState(_ c: Counter, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE counter SET state = ?, current_ticket = ?, regulars_since_priority = ? WHERE number = ?")
            .execute(arguments: [c.state.rawValue, c.currentTicket, c.regularsSincePriority, c.number])
    }

    // MARK: The office's set-up

    /// Stores services and counters. With `replace`, each one's definition is overwritten (the
    /// configuration file is the truth); without it, only missing ones are added (seeding the demo twice
    /// changes nothing). A counter's live state (open, current ticket) is kept either way.
    public func install(services: [Service], counters: [Counter], replace: Bool) throws {
        try database.write { db in
            let verb = replace ? "INSERT OR REPLACE" : "INSERT OR IGNORE"
            for s in services {
                let (format, value): (String, Int) = switch s.numberFormat {
                case .prefixed(let digits): ("prefixed", digits)
                case .block(let start): ("block", start)
                }
                try db.execute(sql: """
                    \(verb) INTO service(id, code, name, name_en, prefix, format, format_value, windows, daily_quota, enabled)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [
                        s.id, s.code, s.name, s.nameEn, s.prefix, format, value,
                        s.issuingWindows.map(\.description).joined(separator: ","), s.dailyQuota, s.enabled,
                    ])
            }
            for c in counters {
                let services = c.services.map(String.init).joined(separator: ",")
                if replace {
                    try db.execute(sql: """
                        INSERT INTO counter(number, name, services, state, current_ticket, regulars_since_priority)
                        VALUES (?, ?, ?, 'closed', NULL, 0)
                        ON CONFLICT(number) DO UPDATE SET name = excluded.name, services = excluded.services
                        """, arguments: [c.number, c.name, services])
                } else {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO counter(number, name, services, state, current_ticket, regulars_since_priority)
                        VALUES (?, ?, ?, 'closed', NULL, 0)
                        """, arguments: [c.number, c.name, services])
                }
            }
        }
    }

    // MARK: Row mapping

    private static func fetchServices(_ db: Database) throws -> [Service] {
        try Row.fetchAll(db, sql: "SELECT * FROM service ORDER BY id").map { row in
            let value: Int = row["format_value"]
            let format: TicketNumberFormat = (row["format"] as String) == "block" ? .block(start: value) : .prefixed(digits: value)
            let windows = (row["windows"] as String).split(separator: ",").compactMap { TimeWindow(String($0)) }
            return Service(
                id: row["id"], code: row["code"], name: row["name"], nameEn: row["name_en"], prefix: row["prefix"],
                numberFormat: format, issuingWindows: windows, dailyQuota: row["daily_quota"], enabled: row["enabled"]
            )
        }
    }

    private static func fetchCounters(_ db: Database) throws -> [Counter] {
        try Row.fetchAll(db, sql: "SELECT * FROM counter ORDER BY number").map { row in
            Counter(
                number: row["number"], name: row["name"],
                services: (row["services"] as String).split(separator: ",").compactMap { Int($0) },
                state: CounterState(rawValue: row["state"]) ?? .closed,
                currentTicket: row["current_ticket"], regularsSincePriority: row["regulars_since_priority"]
            )
        }
    }

    private static func fetchTickets(_ db: Database, day: BusinessDay) throws -> [Ticket] {
        func date(_ value: Double?) -> Date? { value.map(Date.init(timeIntervalSince1970:)) }
        return try Row.fetchAll(db, sql: "SELECT * FROM ticket WHERE day = ? ORDER BY issued_at, sequence", arguments: [day.description]).map { row in
            Ticket(
                id: row["id"], day: day, issuedService: row["issued_service"], sequence: row["sequence"],
                number: row["number"], priority: row["priority"], kiosk: row["kiosk"],
                issuedAt: Date(timeIntervalSince1970: row["issued_at"]), service: row["service"],
                targetCounter: row["target_counter"], state: TicketState(rawValue: row["state"]) ?? .waiting,
                counter: row["counter"], callCount: row["call_count"], calledAt: date(row["called_at"]),
                servedAt: date(row["served_at"]), finishedAt: date(row["finished_at"]), dossier: row["dossier"],
                rating: row["rating"], transfers: row["transfers"]
            )
        }
    }
}
