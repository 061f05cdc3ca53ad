/// One of a printer's `printer-state-reasons`, split into the reason and its severity.
///
/// `media-empty-warning` is the reason `media-empty` at ``Severity-swift.enum/warning``; a keyword with no
/// suffix is an error, as RFC 8011 says.
public struct PrinterStateReason: Sendable, Hashable, CustomStringConvertible {
    /// The reason without its suffix, e.g. `media-empty`, `media-low`, `offline`, `cover-open`, `paused`.
    public var reason: String
    /// How bad it is.
    public var severity: Severity

    /// A reason at a severity.
    public init(reason: String, severity: Severity) {
        self.reason = reason
        self.severity = severity
    }

    /// Parses an IPP keyword such as `media-empty-warning`, `offline-report` or `paused`.
    public init(keyword: String) {
        for severity in [Severity.report, .warning, .error] {
            let suffix = "-" + severity.rawValue
            if keyword.hasSuffix(suffix), keyword.count > suffix.count {
                self.init(reason: String(keyword.dropLast(suffix.count)), severity: severity)
                return
            }
        }
        self.init(reason: keyword, severity: .error)
    }

    /// Parses a `printer-state-reasons` list, leaving out `none`.
    public static func parse(_ keywords: [String]) -> [PrinterStateReason] {
        keywords.filter { $0 != "none" && !$0.isEmpty }.map(PrinterStateReason.init(keyword:))
    }

    /// The IPP keyword with its suffix (none for an error, as CUPS itself writes it).
    public var keyword: String {
        severity == .error ? reason : reason + "-" + severity.rawValue
    }

    /// The keyword.
    public var description: String { keyword }
}
