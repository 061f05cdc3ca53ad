/// `events.stats` params (reference core only): `{"daemon_id"?}`; counts for that daemon, or summed over
/// all daemons when absent. Members it does not know are ignored on decode.
public struct EventsStatsParams: WorkflowParams {
    /// The answer: ``EventsStatsResult``.
    public typealias Result = EventsStatsResult
    /// `events.stats`.
    public static let method = WorkflowMethod.eventsStats

    /// `daemon_id`: the daemon, or nil for all.
    public var daemonID: String?

    enum CodingKeys: String, CodingKey {
        case daemonID = "daemon_id"
    }

    /// Stats params.
    public init(daemonID: String? = nil) {
        self.daemonID = daemonID
    }
}
