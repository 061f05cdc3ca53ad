/// Why text is not JSON: what was wrong and at which byte (0-based) of the input.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offset of the byte where parsing stopped.
    public let offset: Int
    /// What was wrong there ("unexpected character '}'", "unterminated string").
    public let reason: String

    /// A parse error at `offset`.
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// `reason at byte N`.
    public var description: String {
        "\(reason) at byte \(offset)"
    }
}
