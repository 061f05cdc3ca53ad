/// What the core knows of one connection: nothing until `session.hello`, then the daemon on the other end.
/// A value the connection owns and passes to ``WorkflowCoreHandler/handle(_:session:)``.
public struct WorkflowSession: Sendable, Hashable {
    /// The daemon's id, once it said hello; `events.publish` is refused before.
    public internal(set) var daemonID: String?
    /// The daemon's site, once it said hello.
    public internal(set) var site: String?

    /// A new connection, before hello.
    public init() {}

    /// A connection whose daemon already said hello (for tests and an in-process daemon).
    public init(daemonID: String, site: String) {
        self.daemonID = daemonID
        self.site = site
    }

    /// Whether the daemon said hello on this connection.
    public var isGreeted: Bool { daemonID != nil }
}
