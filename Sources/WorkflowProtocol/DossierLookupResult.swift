/// `dossier.lookup` result: a dossier as the public lookup kiosk may show it (masked; DOMAIN.md, "Privacy").
///
/// `{"code", "status", "status_code", "procedure", "unit", "received_at", "due_at"?, "returned_at"?,
/// "supplement"?: [...], "fee_due"?, "applicant_masked", "updated_at"}`. Times are RFC 3339 with an offset,
/// kept as the core wrote them. Optional members are left out when absent: `due_at` is absent for a dossier
/// without an appointment (status 1, submitted online and not yet accepted; status 3, refused at intake). Members it does not know are
/// ignored on decode; nothing else is checked (the daemon shows what the core says).
public struct DossierLookupResult: Codable, Sendable, Hashable {
    /// `code`: the dossier code.
    public var code: String
    /// `status`: the status in words, for the kiosk ("Đang xử lý").
    public var status: String
    /// `status_code`: the national status code, 1–10 (TrangThaiHoSo).
    public var statusCode: Int
    /// `procedure`: the administrative procedure's name.
    public var procedure: String
    /// `unit`: the receiving unit.
    public var unit: String
    /// `received_at`: when the dossier was received.
    public var receivedAt: String
    /// `due_at`: the appointment for the result; nil for a dossier that has none (status 1 or 3).
    public var dueAt: String?
    /// `returned_at`: when the result was returned, once it has been.
    public var returnedAt: String?
    /// `supplement`: what the applicant must add, while a supplement is requested.
    public var supplement: [String]?
    /// `fee_due`: fees or taxes due, in đồng (VND has no minor unit), while they are.
    public var feeDue: Int64?
    /// `applicant_masked`: the applicant's name, masked ("Nguyễn V** A").
    public var applicantMasked: String
    /// `updated_at`: when the dossier last changed.
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case code, status, procedure, unit, supplement
        case statusCode = "status_code", receivedAt = "received_at", dueAt = "due_at", returnedAt = "returned_at"
        case feeDue = "fee_due", applicantMasked = "applicant_masked", updatedAt = "updated_at"
    }

    /// A lookup result.
    public init(
        code: String, status: String, statusCode: Int, procedure: String, unit: String, receivedAt: String,
        dueAt: String? = nil, returnedAt: String? = nil, supplement: [String]? = nil, feeDue: Int64? = nil,
        applicantMasked: String, updatedAt: String
    ) {
        self.code = code
        self.status = status
        self.statusCode = statusCode
        self.procedure = procedure
        self.unit = unit
        self.receivedAt = receivedAt
        self.dueAt = dueAt
        self.returnedAt = returnedAt
        self.supplement = supplement
        self.feeDue = feeDue
        self.applicantMasked = applicantMasked
        self.updatedAt = updatedAt
    }
}
