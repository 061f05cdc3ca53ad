import WorkflowProtocol

/// What the reference core answers one request with: the response for its sender, the notices the request
/// set off for every daemon, and the daemon that said hello by it (``WorkflowCoreHandler/respond(to:session:)``).
public struct WorkflowCoreAnswer: Sendable, Hashable {
    /// The response to write back on the request's connection; nil for a notification.
    public var response: RPCResponse?
    /// The `display.notice`s the request set off, already stored for every daemon the core knows, in order
    /// (a dossier reaching status 9 sets one off): send each at once to every connection whose daemon said
    /// `session.hello`. Empty for most requests.
    public var notices: [WorkflowNotice]
    /// The daemon that said `session.hello` by this request (and was answered): once the answer is written,
    /// send it the notices waiting for it (``WorkflowStore/undeliveredNotices(daemonID:now:)``). Nil otherwise.
    public var greetedDaemon: String?
    /// The documents the request asks a daemon to print (`print.document`; a dossier received with
    /// `print_receipt`): send each once to one greeted daemon. Not stored: a receipt nobody prints is
    /// printed again on request, not later by surprise.
    public var documents: [PrintDocumentParams]

    /// An answer.
    public init(
        response: RPCResponse?, notices: [WorkflowNotice] = [], greetedDaemon: String? = nil,
        documents: [PrintDocumentParams] = []
    ) {
        self.response = response
        self.notices = notices
        self.greetedDaemon = greetedDaemon
        self.documents = documents
    }
}
