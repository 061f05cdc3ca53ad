/// A byte sequence the parser could not turn into an ``EscPosCommand``.
public struct EscPosParseProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong with the sequence.
    public enum Kind: String, Sendable, Hashable {
        /// A command this parser does not know (or a stray control byte).
        case unknown
        /// The input ended inside a command.
        case truncated
        /// A known command with a parameter this parser does not model (e.g. QR model 1).
        case unsupportedParameter
    }

    /// What was wrong.
    public let kind: Kind
    /// Offset of the sequence's first byte in the input.
    public let offset: Int
    /// Human-readable explanation naming the bytes.
    public let message: String

    /// Creates a problem report.
    public init(kind: Kind, offset: Int, message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(kind.rawValue) at offset \(offset): \(message)" }
}
