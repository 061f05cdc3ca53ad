/// What ``EscPosParser`` found in a byte stream: the commands, and the sequences it skipped.
public struct EscPosParseResult: Sendable, Hashable {
    /// The commands, in order; consecutive printable bytes form one `.text`.
    public var commands: [EscPosCommand]
    /// Unknown, truncated or unsupported sequences, in order of offset; empty for clean input.
    public var problems: [EscPosParseProblem]

    /// Creates a result.
    public init(commands: [EscPosCommand] = [], problems: [EscPosParseProblem] = []) {
        self.commands = commands
        self.problems = problems
    }
}
