/// Boards the daemon cannot start with: the configuration key at fault and why.
public struct LedBoardSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key, such as `boards[1].profile`.
    public let key: String
    /// What is wrong.
    public let reason: String

    /// Creates an error.
    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { "\(key): \(reason)" }
}
