/// The machine's sound output: a player program (`aplay -q` by default) given each WAV file to play,
/// waited for to its end.
public struct SoundOutput: Sendable, Hashable {
    /// The program and its arguments; the file's path is added last.
    public var command: [String]
    /// How long a play may go on once the daemon stops: any phrase ends well within it, and a player
    /// that hangs is then killed rather than holding the stop.
    public var stopGrace: Duration = ExternalCommand.defaultGrace

    /// `command` split on spaces: `"aplay -q"`, `"paplay --device=hall"`. Nil for an empty one.
    public init?(commandLine: String) {
        let words = commandLine.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return nil }
        command = words
    }

    /// How it is written in the configuration.
    public var commandLine: String { command.joined(separator: " ") }

    /// Plays `file` and returns when it has been heard to the end, even when the task is cancelled (up to
    /// ``stopGrace``); throws with the player's words when it cannot (no sound card, device busy).
    public func play(_ file: String, timeLimit: Duration = .seconds(120)) async throws(VoiceError) {
        do {
            try await ExternalCommand(
                program: command[0], arguments: Array(command.dropFirst()) + [file], timeLimit: timeLimit, graceOnCancel: stopGrace
            ).run()
        } catch {
            throw VoiceError(what: "the player (\(commandLine))", reason: error.reason)
        }
    }
}
