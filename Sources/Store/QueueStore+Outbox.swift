import Foundation
import GRDB

extension QueueStore {
    /// This daemon's id towards the workflow core: made once, kept with the state directory's database, so
    /// the core can tell this daemon's events (and their seq numbers) from another's.
    public func daemonID() throws -> String {
        try database.write { db in
            if let id = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'daemon_id'") { return id }
            let id = UUID().uuidString.lowercased()
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('daemon_id', ?)", arguments: [id])
            return id
        }
    }

    /// The events to deliver after `seq`, the last one the workflow core holds, in order: at most `limit`
    /// events and, past the first, about `maxBytes` of JSON.
    ///
    /// They come from the event log, not only from the outbox: a core that lost what it had acknowledged
    /// (a restored backup) gets it again, and the core stores each event once whatever is resent.
    public func eventsToDeliver(after seq: Int64, limit: Int, maxBytes: Int) throws -> [StoredEvent] {
        try database.read { db in
            var events: [StoredEvent] = []
            var bytes = 0
            let rows = try Row.fetchCursor(
                db, sql: "SELECT seq, type, body FROM event WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit]
            )
            while let row = try rows.next() {
                let event = StoredEvent(seq: row["seq"], type: row["type"], body: row["body"])
                bytes += event.body.utf8.count + 1
                if !events.isEmpty, bytes > maxBytes { break }
                events.append(event)
            }
            return events
        }
    }

    /// Marks every event up to `seq` delivered (the workflow core acknowledged it): they leave the outbox.
    ///
    /// - Returns: how many events left the outbox now (were waiting until this acknowledgement).
    @discardableResult
    public func markDelivered(through seq: Int64) async throws -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM outbox WHERE seq <= ?", arguments: [seq])
            return db.changesCount
        }
    }

    /// The oldest event still waiting for the workflow core: its seq and when it happened; nil when none waits.
    public func oldestUndelivered() throws -> (seq: Int64, at: Date)? {
        try database.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT event.seq, event.at FROM outbox JOIN event USING (seq) ORDER BY outbox.seq LIMIT 1"
            ) else { return nil }
            return (row["seq"], Date(timeIntervalSince1970: row["at"]))
        }
    }
}
