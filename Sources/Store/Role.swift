/// What an account may do.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything, on every counter; manages accounts and the office.
    case admin
    /// Works the counters: one counter when the account names one, any otherwise.
    case clerk
}
