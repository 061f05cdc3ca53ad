/// A command whose values a printer would not accept; nothing is written for it.
public struct EscPosEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of value was wrong; stable, for tests and logs.
    public enum Code: String, Sendable, Hashable {
        /// Text contained a control byte, which the printer would take as a command.
        case controlByteInText
        /// A size, a length or a count is outside what the command allows.
        case outOfRange
        /// Raster data does not have `widthBytes × height` bytes.
        case rasterSizeMismatch
    }

    /// What kind of value was wrong.
    public let code: Code
    /// Index of the offending command in the list given to the encoder.
    public let commandIndex: Int
    /// Human-readable explanation naming the value.
    public let message: String

    /// Creates an error.
    public init(code: Code, commandIndex: Int, message: String) {
        self.code = code
        self.commandIndex = commandIndex
        self.message = message
    }

    public var description: String { "ESC/POS command #\(commandIndex): \(message)" }
}
