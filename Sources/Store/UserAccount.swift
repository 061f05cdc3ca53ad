/// A personal account (no shared accounts: seed Đ4.3–4).
public struct UserAccount: Sendable, Hashable, Codable {
    public var name: String
    public var role: Role
    /// The counter a clerk works, or `nil` for any.
    public var counter: Int?
    /// Whether the account must change the one-time password it was given before doing anything else.
    public var mustChangePassword: Bool

    enum CodingKeys: String, CodingKey {
        case name, role, counter
        case mustChangePassword = "must_change_password"
    }

    public init(name: String, role: Role, counter: Int?, mustChangePassword: Bool) {
        self.name = name
        self.role = role
        self.counter = counter
        self.mustChangePassword = mustChangePassword
    }

    /// Whether the account may work counter `number`.
    public func mayWork(counter number: Int) -> Bool {
        role == .admin || counter == nil || counter == number
    }
}
