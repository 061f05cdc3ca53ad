import Foundation
import GRDB

extension QueueStore {
    /// Events after `seq`, in order, at most `limit`.
    public func events(after seq: Int64, limit: Int = 1000) throws -> [StoredEvent] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, type, body FROM event WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit])
                .map { StoredEvent(seq: $0["seq"], type: $0["type"], body: $0["body"]) }
        }
    }

    /// Events of these types logged at or after `moment`, in order.
    public func events(ofTypes types: Set<String>, since moment: Date) throws -> [StoredEvent] {
        try database.read { db in
            let placeholders = Array(repeating: "?", count: types.count).joined(separator: ", ")
            var arguments: StatementArguments = [moment.timeIntervalSince1970]
            arguments += StatementArguments(types.sorted())
            return try Row.fetchAll(
                db, sql: "SELECT seq, type, body FROM event WHERE at >= ? AND type IN (\(placeholders)) ORDER BY seq",
                arguments: arguments
            ).map { StoredEvent(seq: $0["seq"], type: $0["type"], body: $0["body"]) }
        }
    }

    /// The highest event seq stored, 0 when none.
    public func lastEventSeq() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM event") ?? 0 }
    }

    /// How many events wait in the outbox for the workflow core.
    public func outboxPending() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }
}
