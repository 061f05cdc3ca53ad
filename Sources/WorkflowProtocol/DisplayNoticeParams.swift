/// `display.notice` params, core → daemon:
/// `{"kind": "dossier_ready", "code", "applicant_masked", "counter"?}`.
///
/// An unknown `kind` is refused (`-32602` naming `kind`): the daemon cannot show what it does not know.
/// `counter`, when present, is the counter where the result is collected (at least 1). Members it does not
/// know are ignored on decode.
public struct DisplayNoticeParams: WorkflowParams {
    /// The answer: ``EmptyResult``.
    public typealias Result = EmptyResult
    /// `display.notice`.
    public static let method = WorkflowMethod.displayNotice

    /// `kind`: what to announce.
    public var kind: DisplayNoticeKind
    /// `code`: the dossier code.
    public var code: String
    /// `applicant_masked`: the applicant's masked name.
    public var applicantMasked: String
    /// `counter`: where to collect, or nil.
    public var counter: Int?

    enum CodingKeys: String, CodingKey {
        case kind, code, counter
        case applicantMasked = "applicant_masked"
    }

    /// Notice params.
    public init(kind: DisplayNoticeKind = .dossierReady, code: String, applicantMasked: String, counter: Int? = nil) {
        self.kind = kind
        self.code = code
        self.applicantMasked = applicantMasked
        self.counter = counter
    }

    /// Decodes and checks the params.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(DisplayNoticeKind.self, forKey: .kind)
        code = try c.decodeNonEmpty(String.self, forKey: .code)
        applicantMasked = try c.decode(String.self, forKey: .applicantMasked)
        counter = try c.decodeIfPresent(Int.self, forKey: .counter, in: 1...Int.max)
    }
}
