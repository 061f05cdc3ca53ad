import GRDB

/// The reference workflow core's schema, as GRDB migrations; a migration once shipped is never edited, only
/// followed.
enum WorkflowSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: daemons, events, dossiers, code sequences") { db in
            try db.execute(sql: """
                CREATE TABLE daemon (
                    daemon_id TEXT PRIMARY KEY NOT NULL,
                    site TEXT NOT NULL,
                    acked_seq INTEGER NOT NULL DEFAULT 0,
                    received INTEGER NOT NULL DEFAULT 0,
                    duplicates INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE event (
                    daemon_id TEXT NOT NULL REFERENCES daemon(daemon_id),
                    id TEXT NOT NULL,
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    type TEXT NOT NULL,
                    at TEXT NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (daemon_id, id),
                    UNIQUE (daemon_id, seq)
                );
                CREATE TABLE dossier (
                    code TEXT PRIMARY KEY NOT NULL,
                    status_code INTEGER NOT NULL CHECK (status_code BETWEEN 1 AND 10),
                    json TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE dossier_code_sequence (
                    agency TEXT NOT NULL,
                    day TEXT NOT NULL,
                    last INTEGER NOT NULL,
                    PRIMARY KEY (agency, day)
                );
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: durable display notices") { db in
            // A notice is stored with the transition that makes it; notice_delivery holds one row per daemon
            // known then, delivered_at NULL until that daemon answers the notice with a result.
            try db.execute(sql: """
                CREATE TABLE notice (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    code TEXT NOT NULL,
                    applicant_masked TEXT NOT NULL,
                    counter INTEGER,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE notice_delivery (
                    notice_id INTEGER NOT NULL REFERENCES notice(id),
                    daemon_id TEXT NOT NULL REFERENCES daemon(daemon_id),
                    delivered_at TEXT,
                    PRIMARY KEY (notice_id, daemon_id)
                );
                CREATE INDEX notice_delivery_pending ON notice_delivery (daemon_id, notice_id) WHERE delivered_at IS NULL;
                """)
        }
        return migrator
    }
}
