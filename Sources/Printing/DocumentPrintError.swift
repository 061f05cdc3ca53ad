/// Why a document (a receipt, an appointment slip) was not printed.
public enum DocumentPrintError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The office has no printer of that role.
    case noPrinter(role: String)
    /// The document cannot be drawn or encoded.
    case cannotRender(String)
    /// Every printer of the role is in fault; why, printer by printer.
    case allFailed([String])

    public var description: String {
        switch self {
        case .noPrinter(let role): "no printer has the role \(role) in this office"
        case .cannotRender(let reason): "cannot lay the document out: \(reason)"
        case .allFailed(let problems): "no printer could take it: \(problems.joined(separator: "; "))"
        }
    }
}
