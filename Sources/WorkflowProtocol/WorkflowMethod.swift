/// The methods of the workflow socket protocol (INTERFACES.md, "Workflow socket protocol").
public enum WorkflowMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Daemon → core, first on every connection: ``SessionHelloParams`` → ``SessionHelloResult``.
    case sessionHello = "session.hello"
    /// Daemon → core: ``EventsPublishParams`` → ``EventsPublishResult``.
    case eventsPublish = "events.publish"
    /// Daemon → core: ``DossierLookupParams`` → ``DossierLookupResult``.
    case dossierLookup = "dossier.lookup"
    /// Core → daemon: ``PrintDocumentParams`` → ``PrintDocumentResult``.
    case printDocument = "print.document"
    /// Core → daemon: ``DisplayNoticeParams`` → ``EmptyResult``.
    case displayNotice = "display.notice"
    /// Core → daemon: ``PingParams`` → ``EmptyResult``.
    case ping
    /// Reference core only: ``DossierReceiveParams`` → the dossier.
    case dossierReceive = "dossier.receive"
    /// Reference core only: ``DossierTransitionParams`` → the dossier.
    case dossierTransition = "dossier.transition"
    /// Reference core only: ``DossierGetParams`` → the dossier with its history.
    case dossierGet = "dossier.get"
    /// Reference core only: ``EventsStatsParams`` → ``EventsStatsResult``.
    case eventsStats = "events.stats"

    /// The end that answers the method: a request for a method the receiver does not serve is
    /// `-32601` method not found.
    public var servedBy: WorkflowPeer {
        switch self {
        case .printDocument, .displayNotice, .ping: .daemon
        case .sessionHello, .eventsPublish, .dossierLookup, .dossierReceive, .dossierTransition, .dossierGet, .eventsStats: .core
        }
    }

    /// Whether only the reference workflow core offers the method (for the CLI, the demo and tests); another
    /// dossier system need not.
    public var isReferenceCoreOnly: Bool {
        switch self {
        case .dossierReceive, .dossierTransition, .dossierGet, .eventsStats: true
        default: false
        }
    }
}
