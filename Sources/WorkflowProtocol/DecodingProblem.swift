/// A `DecodingError` said in one sentence that names the field: `"events[3].seq": expected an integer,
/// found a string`, `missing "code"`.
struct DecodingProblem: Sendable, Hashable {
    /// The path of the field (`events[3].seq`), or the root's name (`params`) for the value as a whole.
    let field: String
    /// What is wrong with it.
    let sentence: String

    init(_ error: DecodingError, root: String) {
        switch error {
        case .keyNotFound(let key, let context):
            field = Self.path(context.codingPath + [key], root: root)
            sentence = "missing \"\(field)\""
        case .valueNotFound(_, let context), .typeMismatch(_, let context), .dataCorrupted(let context):
            field = Self.path(context.codingPath, root: root)
            sentence = "\"\(field)\": \(context.debugDescription)"
        @unknown default:
            field = root
            sentence = "\(error)"
        }
    }

    private static func path(_ codingPath: [any CodingKey], root: String) -> String {
        let rendered = AnyCodingKey.render(codingPath)
        return rendered.isEmpty ? root : rendered
    }
}
