/// What the scheduler says about a printer: its state, reasons and message.
///
/// CUPS learns a printer's condition only while one of its jobs runs: an offline raw printer shows as
/// `processing` with the message "The printer may not exist or is unavailable at this time." and the job
/// staying `processing`, not as a reason.
public struct PrinterStatus: Sendable, Hashable {
    /// `printer-state`.
    public var state: PrinterState
    /// `printer-state-reasons`, without `none`.
    public var reasons: [PrinterStateReason]
    /// `printer-state-message`, `nil` when empty.
    public var message: String?
    /// `printer-is-accepting-jobs`: false after `cupsreject`.
    public var isAcceptingJobs: Bool

    /// A status from its parts.
    public init(state: PrinterState, reasons: [PrinterStateReason], message: String?, isAcceptingJobs: Bool) {
        self.state = state
        self.reasons = reasons
        self.message = message
        self.isAcceptingJobs = isAcceptingJobs
    }

    /// The reason named `reason` (without suffix), if the printer reports it.
    public func reason(_ reason: String) -> PrinterStateReason? {
        reasons.first { $0.reason == reason }
    }

    /// Whether the backend is opening the device (`connecting-to-device`): at the start of every job, and
    /// for as long as a device does not answer.
    public var isConnecting: Bool { reason("connecting-to-device") != nil }

    /// The reasons at `severity` or worse.
    public func reasons(atLeast severity: PrinterStateReason.Severity) -> [PrinterStateReason] {
        reasons.filter { $0.severity >= severity }
    }
}
