/// `session.hello` result: `{"protocol": 1, "acked_seq": N}`. Members it does not know are ignored.
public struct SessionHelloResult: Codable, Sendable, Hashable {
    /// `protocol`: the version the core speaks.
    public var protocolVersion: Int
    /// `acked_seq`: the last event `seq` the core holds from this daemon, 0 when it holds none; the daemon
    /// delivers its outbox from the event after it.
    public var ackedSeq: Int64

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol", ackedSeq = "acked_seq"
    }

    /// A hello result; the protocol version defaults to this build's.
    public init(protocolVersion: Int = ProtocolVersion.current, ackedSeq: Int64) {
        self.protocolVersion = protocolVersion
        self.ackedSeq = ackedSeq
    }

    /// Decodes and checks the result (`acked_seq` is at least 0).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        protocolVersion = try c.decode(Int.self, forKey: .protocolVersion)
        ackedSeq = try c.decode(Int64.self, forKey: .ackedSeq, in: 0...Int64.max)
    }
}
