/// `print.document` result: `{"job": "…"}`, the daemon's id of the print job (a CUPS job id, as a string).
/// Members it does not know are ignored on decode.
public struct PrintDocumentResult: Codable, Sendable, Hashable {
    /// `job`: the job's id, opaque to the core.
    public var job: String

    enum CodingKeys: String, CodingKey {
        case job
    }

    /// A print result.
    public init(job: String) {
        self.job = job
    }
}
