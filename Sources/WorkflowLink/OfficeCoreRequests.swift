import QueueCore
import QueueService
import WorkflowProtocol

/// The office's answers to the workflow core: a `display.notice` becomes a `dossier.ready` event in the
/// queue's log (so the displays show it and it survives a restart); documents are printed by `printer` when
/// the office has one for them.
public struct OfficeCoreRequests: CoreRequestHandler {
    /// The queue engine the notices go through.
    public let engine: QueueEngine
    /// Prints a document, when the office has a printer for documents; nil: `print.document` is refused
    /// with `unavailable`.
    public let printer: (@Sendable (PrintDocumentParams) async throws(RPCError) -> PrintDocumentResult)?

    /// Answers through `engine`, printing with `printer`.
    public init(engine: QueueEngine, printer: (@Sendable (PrintDocumentParams) async throws(RPCError) -> PrintDocumentResult)? = nil) {
        self.engine = engine
        self.printer = printer
    }

    public func displayNotice(_ notice: DisplayNoticeParams) async throws(RPCError) {
        do {
            _ = try await engine.perform(.announceReady(code: notice.code, applicantMasked: notice.applicantMasked, counter: notice.counter))
        } catch let error as QueueError {
            throw .invalidParams(error.message, field: Self.field(of: error))
        } catch {
            throw .unavailable("the notice could not be stored: \(error)")
        }
    }

    public func printDocument(_ request: PrintDocumentParams) async throws(RPCError) -> PrintDocumentResult {
        guard let printer else {
            throw .unavailable("no printer for documents is configured in this office (template \(request.template))")
        }
        return try await printer(request)
    }

    private static func field(of error: QueueError) -> String? {
        switch error {
        case .badDossierCode: "code"
        case .unmaskedName: "applicant_masked"
        case .unknownCounter: "counter"
        default: nil
        }
    }
}
