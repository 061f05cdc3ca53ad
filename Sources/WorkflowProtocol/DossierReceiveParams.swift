/// `dossier.receive` params (reference core only):
/// `{"code"?, "procedure", "applicant", "unit"?, "processing_days", "received_at"?, "print_receipt"?}`.
///
/// The core generates `code` when it is absent, and answers with the dossier in status 2 with its `due_at`
/// computed from `processing_days` (at least 0) working days after `received_at`. `received_at`, an RFC 3339
/// time with an offset, is for a dossier received by hand during an outage and entered later (the seed's
/// manual mode, Đ8–9: entered within a week); the core refuses one in the future or more than 7 days old.
/// Without it the dossier is received now. With `print_receipt` true the core asks a connected daemon to
/// print the receipt and appointment slip (`print.document`, template `receipt`, the dossier as data).
/// Members it does not know are ignored on decode.
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
    /// `received_at`: when the dossier was received by hand (RFC 3339), or nil for now.
    public var receivedAt: String?
    /// `print_receipt`: whether to have the receipt printed by a connected daemon (nil: no).
    public var printReceipt: Bool?

    enum CodingKeys: String, CodingKey {
        case code, procedure, applicant, unit
        case processingDays = "processing_days"
        case receivedAt = "received_at"
        case printReceipt = "print_receipt"
    }

    /// Receive params.
    public init(
        code: String? = nil, procedure: String, applicant: String, unit: String? = nil, processingDays: Int,
        receivedAt: String? = nil, printReceipt: Bool? = nil
    ) {
        self.code = code
        self.procedure = procedure
        self.applicant = applicant
        self.unit = unit
        self.processingDays = processingDays
        self.receivedAt = receivedAt
        self.printReceipt = printReceipt
    }

    /// Decodes and checks the params.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decodeNonEmptyIfPresent(String.self, forKey: .code)
        procedure = try c.decodeNonEmpty(String.self, forKey: .procedure)
        applicant = try c.decodeNonEmpty(String.self, forKey: .applicant)
        unit = try c.decodeNonEmptyIfPresent(String.self, forKey: .unit)
        processingDays = try c.decode(Int.self, forKey: .processingDays, in: 0...Int.max)
        receivedAt = try c.decodeIfPresent(String.self, forKey: .receivedAt)
        printReceipt = try c.decodeIfPresent(Bool.self, forKey: .printReceipt)
        if let receivedAt, !RFC3339.isValid(receivedAt) {
            throw DecodingError.dataCorruptedError(
                forKey: .receivedAt, in: c, debugDescription: "not an RFC 3339 time with an offset: \(receivedAt)"
            )
        }
    }
}
