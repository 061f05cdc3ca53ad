import Foundation
import GRDB

extension QueueStore {
    /// Adds an account with a password hash; `false` when the name is taken.
    public func addUser(_ user: UserAccount, passwordHash: String, now: Date) throws -> Bool {
        try database.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO user(name, role, counter, password_hash, must_change_password, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [user.name, user.role.rawValue, user.counter, passwordHash, user.mustChangePassword, now.timeIntervalSince1970])
            return db.changesCount == 1
        }
    }

    /// The account and its password hash.
    public func user(named name: String) throws -> (UserAccount, passwordHash: String)? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ?", arguments: [name]).map { row in
                (Self.account(row), row["password_hash"])
            }
        }
    }

    /// Every account, by name.
    public func users() throws -> [UserAccount] {
        try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY name").map(Self.account) }
    }

    /// Replaces an account's password hash and clears the must-change flag.
    public func setPassword(user name: String, passwordHash: String) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE user SET password_hash = ?, must_change_password = 0 WHERE name = ?", arguments: [passwordHash, name])
            try db.execute(sql: "DELETE FROM token WHERE user = ? AND kind = 'session'", arguments: [name])
        }
    }

    /// Stores the hash of a bearer or session token for an account.
    public func addToken(hash: String, user: String, kind: String, now: Date, expires: Date?) throws {
        try database.write { db in
            try db.execute(sql: "INSERT INTO token(hash, user, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [hash, user, kind, now.timeIntervalSince1970, expires?.timeIntervalSince1970])
        }
    }

    /// The account a token hash belongs to, unless it has expired at `now`.
    public func account(tokenHash: String, now: Date) throws -> UserAccount? {
        try database.read { db in
            try Row.fetchOne(db, sql: """
                SELECT user.* FROM token JOIN user ON user.name = token.user
                WHERE token.hash = ? AND (token.expires_at IS NULL OR token.expires_at > ?)
                """, arguments: [tokenHash, now.timeIntervalSince1970]).map(Self.account)
        }
    }

    /// Forgets a token (logout).
    public func removeToken(hash: String) throws {
        try database.write { db in try db.execute(sql: "DELETE FROM token WHERE hash = ?", arguments: [hash]) }
    }

    private static func account(_ row: Row) -> UserAccount {
        UserAccount(name: row["name"], role: Role(rawValue: row["role"]) ?? .clerk, counter: row["counter"],
                    mustChangePassword: row["must_change_password"])
    }
}
