import Foundation
import GRDB
import Workflow
import WorkflowProtocol

extension WorkflowStore {
    /// How long a stored notice is still sent: 24 hours. The hall board is about today; a daemon away for
    /// longer than that is not shown yesterday's "result ready" (the applicant can still look the dossier up).
    public static let noticeLifetime: TimeInterval = 24 * 3600

    /// Records that the daemon `daemonID` of `site` said hello (it is known from now on, and the notices
    /// made from now on wait for it), and returns the last seq held from it with no gap before it.
    public func greet(daemonID: String, site: String) throws -> Int64 {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO daemon (daemon_id, site) VALUES (?, ?) ON CONFLICT(daemon_id) DO UPDATE SET site = excluded.site",
                arguments: [daemonID, site]
            )
            return try Int64.fetchOne(db, sql: "SELECT acked_seq FROM daemon WHERE daemon_id = ?", arguments: [daemonID]) ?? 0
        }
    }

    /// Changes the dossier with `code` in one transaction, like ``update(code:_:)``, and stores in the same
    /// transaction the notice `change` returns, made at `now`, for every daemon the core knows: a crash keeps
    /// both the change and the notice, or neither. Returns the dossier and the stored notice, if any.
    public func update(
        code: String, at now: Date, _ change: (inout Dossier) throws -> DisplayNoticeParams?
    ) throws -> (dossier: Dossier, notice: WorkflowNotice?) {
        try database.write { db in
            guard var dossier = try Self.fetchDossier(db, code: code) else { throw WorkflowStoreError.dossierNotFound(code: code) }
            let params = try change(&dossier)
            try Self.upsert(db, dossier)
            return (dossier, try params.map { try Self.insertNotice(db, $0, at: now) })
        }
    }

    /// The notices waiting for `daemonID` at `now`, in creation order: made while it was known, not yet
    /// answered by it with a result, and made at most ``noticeLifetime`` before `now`.
    public func undeliveredNotices(daemonID: String, now: Date) throws -> [WorkflowNotice] {
        // created_at is always WorkflowJSON.timestamp (one zone, milliseconds), so text order is time order.
        let cutoff = WorkflowJSON.timestamp(now.addingTimeInterval(-Self.noticeLifetime))
        return try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT notice.* FROM notice JOIN notice_delivery ON notice_delivery.notice_id = notice.id
                    WHERE notice_delivery.daemon_id = ? AND notice_delivery.delivered_at IS NULL AND notice.created_at >= ?
                    ORDER BY notice.id
                    """,
                arguments: [daemonID, cutoff]
            ).map(Self.notice(from:))
        }
    }

    /// Records that `daemonID` answered notice `noticeID` with a result at `at`; false when the notice was not
    /// waiting for it (unknown, not meant for it, or already delivered).
    @discardableResult
    public func markDelivered(noticeID: Int64, daemonID: String, at: Date) throws -> Bool {
        try database.write { db in
            try db.execute(
                sql: "UPDATE notice_delivery SET delivered_at = ? WHERE notice_id = ? AND daemon_id = ? AND delivered_at IS NULL",
                arguments: [WorkflowJSON.timestamp(at), noticeID, daemonID]
            )
            return db.changesCount > 0
        }
    }

    /// Every stored notice, in creation order.
    public func notices() throws -> [WorkflowNotice] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM notice ORDER BY id").map(Self.notice(from:))
        }
    }

    // MARK: Inside a transaction

    /// Stores `params`, made at `now`, waiting for every daemon in the `daemon` table.
    static func insertNotice(_ db: Database, _ params: DisplayNoticeParams, at now: Date) throws -> WorkflowNotice {
        let createdAt = WorkflowJSON.timestamp(now)
        try db.execute(
            sql: "INSERT INTO notice (kind, code, applicant_masked, counter, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [params.kind.rawValue, params.code, params.applicantMasked, params.counter, createdAt]
        )
        let id = db.lastInsertedRowID
        try db.execute(
            sql: "INSERT INTO notice_delivery (notice_id, daemon_id) SELECT ?, daemon_id FROM daemon",
            arguments: [id]
        )
        return WorkflowNotice(id: id, params: params, createdAt: WorkflowJSON.date(createdAt) ?? now)
    }

    static func notice(from row: Row) throws -> WorkflowNotice {
        let id: Int64 = row["id"]
        let kindText: String = row["kind"]
        let createdText: String = row["created_at"]
        guard let kind = DisplayNoticeKind(rawValue: kindText), let createdAt = WorkflowJSON.date(createdText) else {
            throw WorkflowStoreError.corruptNotice(id: id, reason: "kind \(kindText), created_at \(createdText)")
        }
        let params = DisplayNoticeParams(kind: kind, code: row["code"], applicantMasked: row["applicant_masked"], counter: row["counter"])
        return WorkflowNotice(id: id, params: params, createdAt: createdAt)
    }
}
