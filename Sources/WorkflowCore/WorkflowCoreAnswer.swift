import WorkflowProtocol

/// What the reference core answers one request with: the response for its sender, and the notices the
/// request set off for every daemon (``WorkflowCoreHandler/respond(to:session:)``).
public struct WorkflowCoreAnswer: Sendable, Hashable {
    /// The response to write back on the request's connection; nil for a notification.
    public var response: RPCResponse?
    /// `display.notice` params to send to every connection whose daemon said `session.hello`, in order
    /// (a dossier reaching status 9 sets one off). Empty for most requests.
    public var notices: [DisplayNoticeParams]

    /// An answer.
    public init(response: RPCResponse?, notices: [DisplayNoticeParams] = []) {
        self.response = response
        self.notices = notices
    }
}
