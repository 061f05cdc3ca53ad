/// What the scheduler says about a job.
public struct JobStatus: Sendable, Hashable {
    /// The job id.
    public var id: Int
    /// `job-state`.
    public var state: JobState
    /// `job-state-reasons` (e.g. `job-printing`, `job-completed-successfully`), without `none`.
    public var reasons: [String]
    /// `job-printer-state-message`: the printer's message while the job ran, `nil` when empty.
    public var printerMessage: String?

    /// A status from its parts.
    public init(id: Int, state: JobState, reasons: [String], printerMessage: String?) {
        self.id = id
        self.state = state
        self.reasons = reasons
        self.printerMessage = printerMessage
    }
}
