import Foundation
import DurableSQLite
import GRDB
import QueueCore
import Workflow
import WorkflowProtocol

/// The reference workflow core's durable state in one SQLite file: the daemons it heard from, every event
/// they published (each id stored once), the dossiers, the code sequences, and the display notices waiting
/// for each daemon (``WorkflowStore/undeliveredNotices(daemonID:now:)``).
///
/// On disk the file runs in WAL mode with `synchronous=FULL`, so an acknowledged event survives a power cut:
/// the daemon drops what the core acknowledged.
public final class WorkflowStore: Sendable {
    /// The database (a pool on disk, a queue in memory for tests).
    public let database: any DatabaseWriter

    /// Opens (creating if need be) the database file at `path` and brings its schema up to date
    /// (``DurableSQLite``: WAL, `synchronous=FULL` on the writer).
    public init(path: String) throws {
        database = try DurableSQLite.open(path: path, migrator: WorkflowSchema.migrator)
    }

    /// An in-memory database, for tests.
    public init() throws {
        database = try DurableSQLite.inMemory(migrator: WorkflowSchema.migrator)
    }

    /// The `synchronous` setting of the writer connection (2 means FULL).
    public func writerSynchronous() throws -> Int {
        try DurableSQLite.writerSynchronous(of: database)
    }

    // MARK: Events

    /// Stores a batch of `daemonID`'s events in one transaction and returns the new `acked_seq`: the highest
    /// seq such that every seq from 1 to it is stored. An id already stored counts as a duplicate and is not
    /// stored again; an event after a gap is stored, and the ack moves past it once the gap is filled.
    /// Throws ``WorkflowStoreError/seqConflict(daemonID:seq:id:existingID:)`` (and keeps nothing of the batch)
    /// when a new id claims a seq another event holds.
    @discardableResult
    public func publish(daemonID: String, site: String, events: [WireEvent]) throws -> Int64 {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO daemon (daemon_id, site) VALUES (?, ?) ON CONFLICT(daemon_id) DO UPDATE SET site = excluded.site",
                arguments: [daemonID, site]
            )
            var duplicates: Int64 = 0
            for event in events {
                let id = event.id.lowercased()
                let body = try WireJSON.string(event)
                try db.execute(
                    sql: "INSERT OR IGNORE INTO event (daemon_id, id, seq, type, at, body) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [daemonID, id, event.seq, event.type, event.at, body]
                )
                if db.changesCount == 0 {
                    let known = try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE daemon_id = ? AND id = ?)", arguments: [daemonID, id]
                    ) ?? false
                    guard known else {
                        let existing = try String.fetchOne(
                            db, sql: "SELECT id FROM event WHERE daemon_id = ? AND seq = ?", arguments: [daemonID, event.seq]
                        ) ?? "?"
                        throw WorkflowStoreError.seqConflict(daemonID: daemonID, seq: event.seq, id: id, existingID: existing)
                    }
                    duplicates += 1
                }
            }
            var acked = try Int64.fetchOne(db, sql: "SELECT acked_seq FROM daemon WHERE daemon_id = ?", arguments: [daemonID]) ?? 0
            let following = try Int64.fetchCursor(
                db, sql: "SELECT seq FROM event WHERE daemon_id = ? AND seq > ? ORDER BY seq", arguments: [daemonID, acked]
            )
            while let seq = try following.next(), seq == acked + 1 { acked = seq }
            try db.execute(
                sql: "UPDATE daemon SET acked_seq = ?, received = received + ?, duplicates = duplicates + ? WHERE daemon_id = ?",
                arguments: [acked, Int64(events.count), duplicates, daemonID]
            )
            return acked
        }
    }

    /// The last seq held from `daemonID` with no gap before it; 0 for a daemon never heard from.
    public func ackedSeq(daemonID: String) throws -> Int64 {
        try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT acked_seq FROM daemon WHERE daemon_id = ?", arguments: [daemonID]) ?? 0
        }
    }

    /// Events received (resent ones included), stored, duplicates, and the highest seq stored, for `daemonID`,
    /// or summed over every daemon when nil (the highest seq of any).
    public func stats(daemonID: String?) throws -> EventsStatsResult {
        try database.read { db in
            let counters: Row?
            let stored: Row?
            if let daemonID {
                counters = try Row.fetchOne(
                    db, sql: "SELECT received, duplicates FROM daemon WHERE daemon_id = ?", arguments: [daemonID]
                )
                stored = try Row.fetchOne(
                    db, sql: "SELECT COUNT(*) AS n, MAX(seq) AS last FROM event WHERE daemon_id = ?", arguments: [daemonID]
                )
            } else {
                counters = try Row.fetchOne(db, sql: "SELECT SUM(received) AS received, SUM(duplicates) AS duplicates FROM daemon")
                stored = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, MAX(seq) AS last FROM event")
            }
            return EventsStatsResult(
                received: counters?["received"] ?? 0, stored: stored?["n"] ?? 0,
                duplicates: counters?["duplicates"] ?? 0, lastSeq: stored?["last"] ?? 0
            )
        }
    }

    /// The stored JSON of `daemonID`'s events, in seq order, exactly as received.
    public func eventBodies(daemonID: String) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM event WHERE daemon_id = ? ORDER BY seq", arguments: [daemonID])
        }
    }

    // MARK: Dossiers

    /// Saves `dossier`, replacing the one with its code.
    public func save(_ dossier: Dossier) throws {
        try database.write { db in try Self.upsert(db, dossier) }
    }

    /// The dossier with `code`, or nil.
    public func dossier(code: String) throws -> Dossier? {
        try database.read { db in try Self.fetchDossier(db, code: code) }
    }

    /// Every dossier, by code.
    public func dossiers() throws -> [Dossier] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT code, json FROM dossier ORDER BY code").map { row in
                try Self.decodeDossier(code: row["code"], json: row["json"])
            }
        }
    }

    /// Creates a dossier in one transaction: with `code` when given (refused when it exists), else with the
    /// next code of `agency` for the day of `at` in Vietnam, which `make` receives. Returns what was stored.
    public func create(
        code: String?, agency: String, at: Date, _ make: (String) throws -> Dossier
    ) throws -> Dossier {
        try database.write { db in
            let chosen = try code ?? Self.nextCode(db, agency: agency, at: at)
            if try Self.fetchDossier(db, code: chosen) != nil { throw WorkflowStoreError.dossierExists(code: chosen) }
            let dossier = try make(chosen)
            try Self.upsert(db, dossier)
            return dossier
        }
    }

    /// Changes the dossier with `code` in one transaction; throws
    /// ``WorkflowStoreError/dossierNotFound(code:)`` when there is none, and keeps it unchanged when `change`
    /// throws.
    public func update(code: String, _ change: (inout Dossier) throws -> Void) throws -> Dossier {
        try database.write { db in
            guard var dossier = try Self.fetchDossier(db, code: code) else { throw WorkflowStoreError.dossierNotFound(code: code) }
            try change(&dossier)
            try Self.upsert(db, dossier)
            return dossier
        }
    }

    // MARK: Inside a transaction

    /// The next code of `agency` for the day of `at` in Vietnam, past every code of that day already stored.
    static func nextCode(_ db: Database, agency: String, at: Date) throws -> String {
        let day = BusinessDay(containing: at, in: OfficeCalendar.vietnam)
        var last = try Int.fetchOne(
            db, sql: "SELECT last FROM dossier_code_sequence WHERE agency = ? AND day = ?", arguments: [agency, day.description]
        ) ?? 0
        var code: String
        repeat {
            last += 1
            code = try DossierCodeSequencer.code(agency: agency, day: day, sequence: last).text
        } while try fetchDossier(db, code: code) != nil
        try db.execute(
            sql: """
                INSERT INTO dossier_code_sequence (agency, day, last) VALUES (?, ?, ?)
                ON CONFLICT(agency, day) DO UPDATE SET last = excluded.last
                """,
            arguments: [agency, day.description, last]
        )
        return code
    }

    static func upsert(_ db: Database, _ dossier: Dossier) throws {
        let json = String(decoding: try WorkflowJSON.data(dossier), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO dossier (code, status_code, json, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET status_code = excluded.status_code, json = excluded.json,
                    updated_at = excluded.updated_at
                """,
            arguments: [dossier.code, dossier.status.code, json, WorkflowJSON.timestamp(dossier.updatedAt)]
        )
    }

    static func fetchDossier(_ db: Database, code: String) throws -> Dossier? {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM dossier WHERE code = ?", arguments: [code]) else {
            return nil
        }
        return try decodeDossier(code: code, json: json)
    }

    static func decodeDossier(code: String, json: String) throws -> Dossier {
        do {
            return try WorkflowJSON.decode(Dossier.self, from: Data(json.utf8))
        } catch {
            throw WorkflowStoreError.corruptDossier(code: code, reason: "\(error)")
        }
    }

    static func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static func setMeta(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value]
        )
    }
}
