/// `dossier.get` params (reference core only): `{"code"}`; the answer is the whole dossier, unmasked, with
/// its history. Members it does not know are ignored on decode.
public struct DossierGetParams: WorkflowParams {
    /// The answer: the dossier with its history, as the Workflow library writes it (untyped here).
    public typealias Result = JSONValue
    /// `dossier.get`.
    public static let method = WorkflowMethod.dossierGet

    /// `code`: the dossier code.
    public var code: String

    enum CodingKeys: String, CodingKey {
        case code
    }

    /// Get params.
    public init(code: String) {
        self.code = code
    }

    /// Decodes and checks the params.
    public init(from decoder: any Decoder) throws {
        code = try decoder.container(keyedBy: CodingKeys.self).decodeNonEmpty(String.self, forKey: .code)
    }
}
