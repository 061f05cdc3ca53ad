/// `dossier.receive` params (reference core only):
/// `{"code"?, "procedure", "applicant", "unit"?, "processing_days"}`.
///
/// The core generates `code` when it is absent, and answers with the dossier in status 2 with its `due_at`
/// computed from `processing_days` (at least 0) working days. Members it does not know are ignored on decode.
public struct DossierReceiveParams: WorkflowParams {
    /// The answer: the dossier, as the Workflow library writes it (untyped here).
    public typealias Result = JSONValue
    /// `dossier.receive`.
    public static let method = WorkflowMethod.dossierReceive

    /// `code`: the dossier code to use, or nil to have one generated.
    public var code: String?
    /// `procedure`: the administrative procedure.
    public var procedure: String
    /// `applicant`: the applicant's full name (the core masks it for lookups).
    public var applicant: String
    /// `unit`: the receiving unit, or nil for the core's default.
    public var unit: String?
    /// `processing_days`: the procedure's time limit in working days.
    public var processingDays: Int

    enum CodingKeys: String, CodingKey {
        case code, procedure, applicant, unit
        case processingDays = "processing_days"
    }

    /// Receive params.
    public init(code: String? = nil, procedure: String, applicant: String, unit: String? = nil, processingDays: Int) {
        self.code = code
        self.procedure = procedure
        self.applicant = applicant
        self.unit = unit
        self.processingDays = processingDays
    }

    /// Decodes and checks the params.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decodeNonEmptyIfPresent(String.self, forKey: .code)
        procedure = try c.decodeNonEmpty(String.self, forKey: .procedure)
        applicant = try c.decodeNonEmpty(String.self, forKey: .applicant)
        unit = try c.decodeNonEmptyIfPresent(String.self, forKey: .unit)
        processingDays = try c.decode(Int.self, forKey: .processingDays, in: 0...Int.max)
    }
}
