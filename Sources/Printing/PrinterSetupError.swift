/// A printer set-up the daemon cannot start with: the configuration key or file at fault, and why.
public struct PrinterSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key (`printers[1].profile`) or the file (`Templates/printing/vi/ticket.txt`) at fault.
    public let subject: String
    /// What is wrong.
    public let reason: String

    /// Creates an error.
    public init(subject: String, reason: String) {
        self.subject = subject
        self.reason = reason
    }

    public var description: String { "\(subject): \(reason)" }
}
