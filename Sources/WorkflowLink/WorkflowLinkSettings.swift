/// How the workflow link reaches and talks to the workflow core.
public struct WorkflowLinkSettings: Sendable {
    /// The core's Unix socket.
    public var socketPath: String
    /// This office's site id (`session.hello`'s `site`).
    public var site: String
    /// This daemon's id (`session.hello`'s `daemon_id`), kept with its database.
    public var daemonID: String
    /// How long a lookup waits for the core before answering from the cache.
    public var lookupTimeout: Duration
    /// How long `session.hello` and each `events.publish` may take before the connection is given up as
    /// hung and made again.
    public var answerTimeout: Duration
    /// Events per `events.publish`, at most.
    public var batchEvents: Int
    /// JSON bytes of events per `events.publish`, about (one frame is at most 1 MiB).
    public var batchBytes: Int
    /// The pause before connecting again.
    public var backoff: LinkBackoff
    /// How long the core may stay unreachable before the outage goes into the incident log.
    public var outageGrace: Duration

    /// Settings with the defaults: lookups wait 2 s, publishing 10 s, 500 events or 512 KiB a batch,
    /// reconnecting after 0.2 s doubling up to 10 s, an outage logged after a minute.
    public init(
        socketPath: String, site: String, daemonID: String, lookupTimeout: Duration = .seconds(2),
        answerTimeout: Duration = .seconds(10), batchEvents: Int = 500, batchBytes: Int = 512 * 1024,
        backoff: LinkBackoff = LinkBackoff(), outageGrace: Duration = .seconds(60)
    ) {
        self.socketPath = socketPath
        self.site = site
        self.daemonID = daemonID
        self.lookupTimeout = lookupTimeout
        self.answerTimeout = answerTimeout
        self.batchEvents = max(1, batchEvents)
        self.batchBytes = max(1024, min(batchBytes, 900 * 1024))
        self.backoff = backoff
        self.outageGrace = outageGrace
    }
}
