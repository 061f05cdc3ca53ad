/// `session.hello` params, daemon → core, first on every connection:
/// `{"protocol": 1, "site": "…", "daemon_id": "…"}`.
///
/// Members it does not know are ignored on decode (forward compatibility). `site` and `daemon_id` must not be
/// empty. The receiver answers a `protocol` it does not speak with ``RPCError/protocolMismatch(offered:supported:)``.
public struct SessionHelloParams: WorkflowParams {
    /// The answer: ``SessionHelloResult``.
    public typealias Result = SessionHelloResult
    /// `session.hello`.
    public static let method = WorkflowMethod.sessionHello

    /// `protocol`: the version the daemon speaks (``ProtocolVersion/current``).
    public var protocolVersion: Int
    /// `site`: the office the daemon runs.
    public var site: String
    /// `daemon_id`: the daemon's stable identity, whose event `seq` numbers the core tracks.
    public var daemonID: String

    enum CodingKeys: String, CodingKey {
        case site
        case protocolVersion = "protocol", daemonID = "daemon_id"
    }

    /// Hello params; the protocol version defaults to this build's.
    public init(protocolVersion: Int = ProtocolVersion.current, site: String, daemonID: String) {
        self.protocolVersion = protocolVersion
        self.site = site
        self.daemonID = daemonID
    }

    /// Decodes and checks the params.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        protocolVersion = try c.decode(Int.self, forKey: .protocolVersion)
        site = try c.decodeNonEmpty(String.self, forKey: .site)
        daemonID = try c.decodeNonEmpty(String.self, forKey: .daemonID)
    }
}
