/// A template in Templates/printing that cannot be used: the file, the line (1-based, 0 for the whole file)
/// and what is wrong with it.
public struct PrintTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template's file (or name, for a template given as text).
    public let file: String
    /// The line at fault, 1-based; 0 when the fault is the file's as a whole.
    public let line: Int
    /// What is wrong, in words.
    public let reason: String

    /// Creates an error.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
    }
}
