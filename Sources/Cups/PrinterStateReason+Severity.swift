extension PrinterStateReason {
    /// How bad a printer state reason is, from the keyword's suffix.
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        /// `-report`: for information only.
        case report
        /// `-warning`: the printer still works, but someone should look (e.g. `media-low-warning`).
        case warning
        /// `-error` or no suffix: the printer cannot print until someone acts.
        case error

        private var rank: Int {
            switch self {
            case .report: 0
            case .warning: 1
            case .error: 2
            }
        }

        /// Orders report < warning < error.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }
}
