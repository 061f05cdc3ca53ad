import WorkflowProtocol

/// What the daemon does when the workflow core asks something of it (`display.notice`, `print.document`;
/// `ping` the link answers itself).
public protocol CoreRequestHandler: Sendable {
    /// Shows a notice on the hall displays; returns once it is durable (a `dossier.ready` event).
    func displayNotice(_ notice: DisplayNoticeParams) async throws(RPCError)
    /// Prints a document the core asks for; returns the print job.
    func printDocument(_ request: PrintDocumentParams) async throws(RPCError) -> PrintDocumentResult
}
