/// A page template, string table or asset that cannot be used, named with the file and the reason.
public struct PageTemplateError: Error, CustomStringConvertible, Sendable {
    /// The file at fault, or the folder when a file is missing.
    public let file: String
    /// What is wrong with it.
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}
