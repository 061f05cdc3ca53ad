import Foundation
import QueueCore

/// A dossier (hồ sơ) in the reference workflow core: who filed what, when it is due, its national status, its
/// stage in the seed's process, and its history. A value: every change goes through a method that checks it and
/// leaves the dossier untouched when it throws.
///
/// The applicant's name is private: public surfaces use ``publicView(calendar:at:)``, which masks it. The model
/// holds no ID number, phone or address.
public struct Dossier: Sendable, Hashable, Codable {
    /// The dossier code (`AGENCY-YYMMDD-XXXX`), verbatim.
    public let code: String
    /// The administrative procedure (thủ tục hành chính), by name.
    public let procedure: String
    /// The applicant's full name, NFC. Never shown in full on a public surface.
    public let applicant: String
    /// The receiving unit, as configured ("UBND phường Thắng Tam").
    public let unit: String?
    /// Working days allowed for processing.
    public let processingDays: Int
    /// When it was created: filed at the counter, or submitted online.
    public let createdAt: Date
    /// When reception accepted it; `nil` while submitted online and not yet accepted.
    public internal(set) var receivedAt: Date?
    /// The appointment (ngày hẹn trả) computed at acceptance; not moved by supplements (see ``movedDueAt(calendar:at:)``).
    public internal(set) var dueAt: Date?
    /// The national status.
    public internal(set) var status: DossierStatus
    /// Where it is in the seed's process.
    public internal(set) var stage: Stage
    /// What the applicant must supplement, while the status is 5; empty otherwise.
    public internal(set) var supplementRequests: [String]
    /// Fees or taxes due in đồng, while the status is 6; `nil` otherwise.
    public internal(set) var feeDue: Int?
    /// When the result was handed over (status 10).
    public internal(set) var returnedAt: Date?
    /// When processing ended: the first of finished (9), returned (10) or stopped (8).
    public internal(set) var processingEndedAt: Date?
    /// The times spent waiting for supplements after acceptance.
    public internal(set) var supplementPeriods: [SupplementPeriod]
    /// Every status change, oldest first.
    public internal(set) var history: [StatusChange]
    /// Every move along the route, oldest first.
    public internal(set) var stageHistory: [StageMove]
    /// The time of the last change of any kind.
    public internal(set) var updatedAt: Date

    /// A dossier received at the counter: status accepted (2), at the first step of `route`, with its appointment
    /// computed over `calendar` from `receivedAt`. `local` is the receiving level of a dossier that does not cross
    /// levels. Names are normalised to NFC.
    public static func receive(
        code: String, procedure: String, applicant: String, unit: String? = nil, processingDays: Int,
        route: InterLevelRoute = .none, local: Level = .lower, at receivedAt: Date, calendar: WorkingCalendar,
        note: String? = nil
    ) throws(DossierError) -> Dossier {
        var dossier = try Dossier(code: code, procedure: procedure, applicant: applicant, unit: unit,
                                  processingDays: processingDays, route: route, local: local,
                                  status: .accepted, at: receivedAt, note: note)
        dossier.receivedAt = receivedAt
        dossier.dueAt = calendar.appointment(receivedAt: receivedAt, workingDays: processingDays)
        return dossier
    }

    /// A dossier submitted online (status 1): no appointment until reception accepts it
    /// (``transition(to:at:note:calendar:)`` to 2, with a calendar).
    public static func submitOnline(
        code: String, procedure: String, applicant: String, unit: String? = nil, processingDays: Int,
        route: InterLevelRoute = .none, local: Level = .lower, at submittedAt: Date, note: String? = nil
    ) throws(DossierError) -> Dossier {
        try Dossier(code: code, procedure: procedure, applicant: applicant, unit: unit,
                    processingDays: processingDays, route: route, local: local,
                    status: .submitted, at: submittedAt, note: note)
    }

    private init(
        code: String, procedure: String, applicant: String, unit: String?, processingDays: Int,
        route: InterLevelRoute, local: Level, status: DossierStatus, at: Date, note: String?
    ) throws(DossierError) {
        guard DossierCode(code) != nil else { throw .badCode(code) }
        let procedure = ApplicantName.normalized(procedure), applicant = ApplicantName.normalized(applicant)
        guard !procedure.isEmpty else { throw .missingProcedure }
        guard !applicant.isEmpty else { throw .missingApplicant }
        guard (0...3650).contains(processingDays) else { throw .badProcessingDays(processingDays) }
        self.code = code
        self.procedure = procedure
        self.applicant = applicant
        self.unit = unit.map(ApplicantName.normalized).flatMap { $0.isEmpty ? nil : $0 }
        self.processingDays = processingDays
        self.createdAt = at
        self.status = status
        self.stage = Stage(route: route, local: local)
        self.supplementRequests = []
        self.supplementPeriods = []
        self.history = [StatusChange(at: at, from: nil, to: status, note: Self.clean(note))]
        self.stageHistory = []
        self.updatedAt = at
    }

    private enum CodingKeys: String, CodingKey {
        case code, procedure, applicant, unit, status, stage, history
        case processingDays = "processing_days"
        case createdAt = "created_at"
        case receivedAt = "received_at"
        case dueAt = "due_at"
        case supplementRequests = "supplement_requests"
        case feeDue = "fee_due"
        case returnedAt = "returned_at"
        case processingEndedAt = "processing_ended_at"
        case supplementPeriods = "supplement_periods"
        case stageHistory = "stage_history"
        case updatedAt = "updated_at"
    }

    /// A note trimmed and in NFC; `nil` when blank.
    static func clean(_ note: String?) -> String? {
        guard let note else { return nil }
        let text = note.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
