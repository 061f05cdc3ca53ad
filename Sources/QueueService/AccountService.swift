import Crypto
import Foundation
import HummingbirdBcrypt
import Store

/// Personal accounts, passwords, bearer tokens and login sessions (seed Đ4.3–4, Đ13).
///
/// Passwords are kept as bcrypt hashes, tokens as SHA-256 hashes; neither is ever stored or logged in
/// the clear. A new account gets a one-time password it must change at first login.
public struct AccountService: Sendable {
    private let store: QueueStore
    private let sessionLifetime: TimeInterval
    private let bcryptCost: UInt8
    private let throttle = LoginThrottle()

    public init(store: QueueStore, sessionLifetime: TimeInterval = 12 * 3600, bcryptCost: UInt8 = 10) {
        self.store = store
        self.sessionLifetime = sessionLifetime
        self.bcryptCost = bcryptCost
    }

    /// Adds an account and returns its one-time password.
    public func addUser(name raw: String, role: Role, counter: Int?, knownCounters: Set<Int>) async throws -> String {
        let name = raw.precomposedStringWithCanonicalMapping
        guard Self.isValidName(name) else { throw AccountError.badName(name) }
        if let counter, !knownCounters.contains(counter) { throw AccountError.unknownCounter(counter) }
        let password = Self.oneTimePassword()
        let hash = await hashPassword(password)
        let account = UserAccount(name: name, role: role, counter: counter, mustChangePassword: true)
        guard try store.addUser(account, passwordHash: hash, now: Date()) else { throw AccountError.nameTaken(name) }
        return password
    }

    /// Creates a bearer token for an account's API clients and returns it (shown once).
    public func createToken(user name: String) throws -> String {
        guard try store.user(named: name) != nil else { throw AccountError.unknownUser(name) }
        let token = "mct_" + Self.randomHex(bytes: 24)
        try store.addToken(hash: Self.digest(token), user: name, kind: "api", now: Date(), expires: nil)
        return token
    }

    /// Checks a password and opens a session; returns its token and the account.
    ///
    /// After five failures for one account within 15 minutes, it refuses until the 15 minutes are over.
    public func login(name raw: String, password: String) async throws -> (token: String, account: UserAccount) {
        let name = raw.precomposedStringWithCanonicalMapping
        if let wait = throttle.wait(for: name, now: Date()) { throw AccountError.tooManyAttempts(seconds: wait) }
        guard let (account, hash) = try store.user(named: name), await verify(password, hash: hash) else {
            throttle.failed(name, now: Date())
            throw AccountError.badCredentials
        }
        throttle.succeeded(name)
        let token = "mcs_" + Self.randomHex(bytes: 24)
        let now = Date()
        try store.addToken(hash: Self.digest(token), user: account.name, kind: "session", now: now, expires: now + sessionLifetime)
        return (token, account)
    }

    /// Ends a session.
    public func logout(token: String) throws {
        try store.removeToken(hash: Self.digest(token))
    }

    /// Changes a password after checking the current one; every open session of the account ends.
    public func changePassword(name: String, current: String, new: String) async throws {
        guard let (_, hash) = try store.user(named: name), await verify(current, hash: hash) else { throw AccountError.badCredentials }
        guard new.count >= 8, new != current else { throw AccountError.weakPassword }
        try store.setPassword(user: name, passwordHash: await hashPassword(new))
    }

    /// The account a bearer or session token belongs to, if it is valid now.
    public func account(forToken token: String) throws -> UserAccount? {
        try store.account(tokenHash: Self.digest(token), now: Date())
    }

    /// Every account.
    public func users() throws -> [UserAccount] { try store.users() }

    // MARK: Helpers

    private func hashPassword(_ password: String) async -> String {
        let cost = bcryptCost
        return await Task.detached { Bcrypt.hash(password, cost: cost) }.value
    }

    private func verify(_ password: String, hash: String) async -> Bool {
        await Task.detached { Bcrypt.verify(password, hash: hash) }.value
    }

    static func isValidName(_ name: String) -> Bool {
        (2...32).contains(name.count) && name.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "-" || c == "_"
        }
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Twelve characters without look-alikes (no 0/O, 1/l/I), easy to read out to a new clerk.
    static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
