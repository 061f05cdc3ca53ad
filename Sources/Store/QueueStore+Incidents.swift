import Foundation
import GRDB

extension QueueStore {
    /// Records an incident (open when it has no end yet).
    public func record(_ incident: Incident) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO incident (id, kind, device, cause, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [incident.id, incident.kind.rawValue, incident.device, incident.cause,
                            incident.startedAt.timeIntervalSince1970, incident.endedAt?.timeIntervalSince1970]
            )
        }
    }

    /// Ends an open incident; an incident already ended keeps its first end.
    public func endIncident(id: String, at end: Date) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE incident SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                           arguments: [end.timeIntervalSince1970, id])
        }
    }

    /// Incidents that were going on at or after `since` (all when `nil`), newest first.
    public func incidents(since: Date? = nil) throws -> [Incident] {
        try database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, device, cause, started_at, ended_at FROM incident
                    WHERE ? IS NULL OR ended_at IS NULL OR ended_at >= ?
                    ORDER BY started_at DESC, id
                    """,
                arguments: [since?.timeIntervalSince1970, since?.timeIntervalSince1970]
            )
            return rows.map { row in
                Incident(
                    id: row["id"], kind: IncidentKind(rawValue: row["kind"]) ?? .software, device: row["device"],
                    cause: row["cause"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                    endedAt: (row["ended_at"] as Double?).map(Date.init(timeIntervalSince1970:))
                )
            }
        }
    }

    /// When the office last did anything the log keeps: the time of the latest event, if any.
    public func lastActivity() throws -> Date? {
        try database.read { db in
            try Double.fetchOne(db, sql: "SELECT at FROM event ORDER BY seq DESC LIMIT 1").map(Date.init(timeIntervalSince1970:))
        }
    }
}
