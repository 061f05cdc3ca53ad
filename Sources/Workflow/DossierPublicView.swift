import Foundation

/// What a public lookup kiosk may show of a dossier (DOMAIN.md "Privacy at a public kiosk"), in the shape of the
/// `dossier.lookup` result: the applicant's name masked, and never an ID number, phone or address.
public struct DossierPublicView: Sendable, Hashable, Codable {
    /// The dossier code.
    public let code: String
    /// The status in Vietnamese: "Đang xử lý".
    public let status: String
    /// The national status code, 1 … 10.
    public let statusCode: Int
    /// The procedure.
    public let procedure: String
    /// The receiving unit.
    public let unit: String?
    /// When reception accepted it; for a dossier submitted online and not yet accepted, when it was submitted.
    public let receivedAt: Date
    /// The appointment, moved by the time spent waiting for supplements; `nil` before acceptance.
    public let dueAt: Date?
    /// When the result was handed over.
    public let returnedAt: Date?
    /// What to supplement, while the status is 5.
    public let supplement: [String]?
    /// Fees or taxes due in đồng, while the status is 6.
    public let feeDue: Int?
    /// The applicant's name masked: "Nguyễn V** A".
    public let applicantMasked: String
    /// The time of the dossier's last change.
    public let updatedAt: Date

    private enum CodingKeys: String, CodingKey {
        case code, status, procedure, unit, supplement
        case statusCode = "status_code"
        case receivedAt = "received_at"
        case dueAt = "due_at"
        case returnedAt = "returned_at"
        case feeDue = "fee_due"
        case applicantMasked = "applicant_masked"
        case updatedAt = "updated_at"
    }

    /// The public view of `dossier`; with `calendar`, the appointment shown is moved by the working time spent
    /// waiting for supplements up to `now`.
    public init(_ dossier: Dossier, calendar: WorkingCalendar? = nil, at now: Date) {
        code = dossier.code
        status = dossier.status.vietnamese
        statusCode = dossier.status.code
        procedure = dossier.procedure
        unit = dossier.unit
        receivedAt = dossier.receivedAt ?? dossier.createdAt
        dueAt = calendar.flatMap { dossier.movedDueAt(calendar: $0, at: now) } ?? dossier.dueAt
        returnedAt = dossier.returnedAt
        supplement = dossier.supplementRequests.isEmpty ? nil : dossier.supplementRequests
        feeDue = dossier.feeDue
        applicantMasked = ApplicantName.masked(dossier.applicant)
        updatedAt = dossier.updatedAt
    }
}
