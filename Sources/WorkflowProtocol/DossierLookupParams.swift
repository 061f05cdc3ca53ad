/// `dossier.lookup` params, daemon → core: `{"code": "…"}`, the full dossier code from the lookup kiosk.
///
/// Members it does not know are ignored on decode; `code` must not be empty (its shape is the core's to
/// judge). An unknown dossier is ``RPCError/notFound(_:)``.
public struct DossierLookupParams: WorkflowParams {
    /// The answer: ``DossierLookupResult``.
    public typealias Result = DossierLookupResult
    /// `dossier.lookup`.
    public static let method = WorkflowMethod.dossierLookup

    /// `code`: the dossier code (`000.00.19.H47-260105-0001`).
    public var code: String

    enum CodingKeys: String, CodingKey {
        case code
    }

    /// Lookup params.
    public init(code: String) {
        self.code = code
    }

    /// Decodes and checks the params.
    public init(from decoder: any Decoder) throws {
        code = try decoder.container(keyedBy: CodingKeys.self).decodeNonEmpty(String.self, forKey: .code)
    }
}
