import GRDB

/// The database schema, as GRDB migrations; a migration once shipped is never edited, only followed.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: queue, event log, outbox, accounts") { db in
            try db.execute(sql: """
                CREATE TABLE service (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    name_en TEXT,
                    prefix TEXT NOT NULL,
                    format TEXT NOT NULL,            -- 'prefixed' or 'block'
                    format_value INTEGER NOT NULL,   -- digits, or the first number of the block
                    windows TEXT NOT NULL,           -- '07:00-11:00,13:30-16:30', empty for the whole day
                    daily_quota INTEGER,
                    enabled INTEGER NOT NULL
                );
                CREATE TABLE counter (
                    number INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    services TEXT NOT NULL,          -- service ids, most preferred first: '1,3'
                    state TEXT NOT NULL,
                    current_ticket TEXT,
                    regulars_since_priority INTEGER NOT NULL
                );
                CREATE TABLE day (
                    day TEXT PRIMARY KEY,            -- YYYY-MM-DD in the office's time zone
                    phase TEXT NOT NULL
                );
                CREATE TABLE ticket (
                    id TEXT PRIMARY KEY,
                    day TEXT NOT NULL,
                    issued_service INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    number TEXT NOT NULL,
                    priority TEXT,
                    kiosk TEXT,
                    issued_at REAL NOT NULL,
                    service INTEGER NOT NULL,
                    target_counter INTEGER,
                    state TEXT NOT NULL,
                    counter INTEGER,
                    call_count INTEGER NOT NULL,
                    called_at REAL,
                    served_at REAL,
                    finished_at REAL,
                    dossier TEXT,
                    rating INTEGER,
                    transfers INTEGER NOT NULL,
                    UNIQUE (day, issued_service, sequence)
                );
                CREATE INDEX ticket_by_day ON ticket(day);
                CREATE TABLE event (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    type TEXT NOT NULL,
                    at REAL NOT NULL,
                    body TEXT NOT NULL               -- the whole event as JSON, as it is sent
                );
                CREATE TABLE outbox (
                    seq INTEGER PRIMARY KEY REFERENCES event(seq)
                );
                CREATE TABLE user (
                    name TEXT PRIMARY KEY,
                    role TEXT NOT NULL,
                    counter INTEGER,
                    password_hash TEXT NOT NULL,
                    must_change_password INTEGER NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE token (
                    hash TEXT PRIMARY KEY,           -- SHA-256 of the bearer token; the token itself is never stored
                    user TEXT NOT NULL REFERENCES user(name) ON DELETE CASCADE,
                    kind TEXT NOT NULL,              -- 'api' or 'session'
                    created_at REAL NOT NULL,
                    expires_at REAL
                );
                """)
        }
        migrator.registerMigration("v2: incident log") { db in
            try db.execute(sql: """
                CREATE TABLE incident (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,              -- hardware, software, power, network (seed Đ5.10)
                    device TEXT,
                    cause TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    ended_at REAL                    -- NULL while it lasts
                );
                CREATE INDEX incident_started ON incident(started_at);
                """)
        }
        migrator.registerMigration("v3: events by time") { db in
            // A counter's history of the day reads the day's events by time, not the whole log.
            try db.execute(sql: "CREATE INDEX event_at ON event(at)")
        }
        migrator.registerMigration("v4: daemon identity") { db in
            // Facts about this daemon that outlive a run: its id towards the workflow core.
            try db.execute(sql: "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        }
        return migrator
    }
}
