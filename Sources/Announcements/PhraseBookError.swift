/// What is wrong with an announcement phrase file, or with what was asked of it: the file, the key (or
/// the input) and the reason.
public struct PhraseBookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or "built-in"), or the input that was refused ("ticket", "counter").
    public var source: String
    /// The key in the file at fault; empty for the file as a whole or for a refused input.
    public var key: String
    public var reason: String

    public init(source: String, key: String = "", reason: String) {
        self.source = source
        self.key = key
        self.reason = reason
    }

    public var description: String {
        key.isEmpty ? "\(source): \(reason)" : "\(source): \(key): \(reason)"
    }
}
