/// A configuration value that cannot be used: which key, why, and where it came from.
///
/// Its description reads like
/// `motcua.yaml: services[1].prefix: must be 1 to 3 capital letters A–Z, got "a1" (line 14)`.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key's path, such as `services[1].prefix` (list indices count from 0); empty when the
    /// problem is with the whole source (an unreadable file, a YAML syntax error, an unknown variable).
    public var key: String
    /// What is wrong, in plain words.
    public var reason: String
    /// Where the value came from: the file path, the `MOTCUA_…` environment variable, or `built-in`.
    public var source: String
    /// The line in the file (from 1), when known.
    public var line: Int?

    /// An error for `key` with `reason`, from `source`.
    public init(key: String, reason: String, source: String, line: Int? = nil) {
        self.key = key
        self.reason = reason
        self.source = source
        self.line = line
    }

    /// `SOURCE: KEY: REASON (line N)`.
    public var description: String {
        var text = source + ": "
        if !key.isEmpty { text += key + ": " }
        text += reason
        if let line { text += " (line \(line))" }
        return text
    }
}
