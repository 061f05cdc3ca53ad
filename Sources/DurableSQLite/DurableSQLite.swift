import GRDB

/// How motcua opens a SQLite file that must keep what it acknowledged: the daemon's queue and the reference
/// workflow core's events and dossiers alike.
///
/// On disk: WAL mode (GRDB's pool), foreign keys on, a 5 s busy timeout, and `synchronous=FULL` on the
/// writer, which `DatabasePool` would otherwise leave at NORMAL, where a power cut can take the last
/// commits with it. In memory (tests): a queue with foreign keys on. Either way the schema is brought up to
/// date by the caller's migrator.
public enum DurableSQLite {
    /// Opens (creating if need be) the database file at `path` and migrates it.
    public static func open(path: String, migrator: DatabaseMigrator) throws -> any DatabaseWriter {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try migrator.migrate(pool)
        return pool
    }

    /// A database in memory, migrated, for tests.
    public static func inMemory(migrator: DatabaseMigrator) throws -> any DatabaseWriter {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try migrator.migrate(queue)
        return queue
    }

    /// The `synchronous` setting of `database`'s writer connection (2 means FULL).
    public static func writerSynchronous(of database: any DatabaseWriter) throws -> Int {
        try database.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }
}
