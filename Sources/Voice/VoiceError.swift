/// Why speech could not be made or played: what was being done, and the reason (a program's own words
/// when it failed).
public struct VoiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done: "espeak-ng", "sox", "the player (aplay -q)".
    public var what: String
    public var reason: String

    public init(what: String, reason: String) {
        self.what = what
        self.reason = reason
    }

    public var description: String { "\(what): \(reason)" }
}
