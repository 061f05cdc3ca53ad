/// `dossier.transition` params (reference core only): `{"code", "status_code", "note"?}`.
///
/// `status_code` must be a national status code, 1–10 (`-32602` otherwise); whether the dossier may move
/// there is the core's to judge (``RPCError/illegalTransition(_:)``). Members it does not know are ignored
/// on decode.
public struct DossierTransitionParams: WorkflowParams {
    /// The answer: the dossier, as the Workflow library writes it (untyped here).
    public typealias Result = JSONValue
    /// `dossier.transition`.
    public static let method = WorkflowMethod.dossierTransition

    /// `code`: the dossier code.
    public var code: String
    /// `status_code`: the status to move to.
    public var statusCode: Int
    /// `note`: why, for the dossier's history.
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case code, note
        case statusCode = "status_code"
    }

    /// Transition params.
    public init(code: String, statusCode: Int, note: String? = nil) {
        self.code = code
        self.statusCode = statusCode
        self.note = note
    }

    /// Decodes and checks the params.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decodeNonEmpty(String.self, forKey: .code)
        statusCode = try c.decode(Int.self, forKey: .statusCode, in: 1...10)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
