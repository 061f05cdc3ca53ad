/// What became of one ticket's print.
public struct PrintedTicket: Sendable, Hashable {
    /// Whether a printer took it (CUPS accepted the job on a printer that was ready).
    public var printed: Bool
    /// The CUPS queue that took it.
    public var printer: String?
    /// The CUPS job id.
    public var job: Int?
    /// Why each printer tried before it (or all of them) could not take it, in order.
    public var problems: [String]

    /// Creates an outcome.
    public init(printed: Bool, printer: String? = nil, job: Int? = nil, problems: [String] = []) {
        self.printed = printed
        self.printer = printer
        self.job = job
        self.problems = problems
    }
}
