/// `events.publish` result: `{"acked_seq": N}`, the last `seq` the core now holds from this daemon (the
/// daemon marks its outbox delivered up to it). Members it does not know are ignored.
public struct EventsPublishResult: Codable, Sendable, Hashable {
    /// `acked_seq`.
    public var ackedSeq: Int64

    enum CodingKeys: String, CodingKey {
        case ackedSeq = "acked_seq"
    }

    /// A publish result.
    public init(ackedSeq: Int64) {
        self.ackedSeq = ackedSeq
    }

    /// Decodes and checks the result (`acked_seq` is at least 0).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ackedSeq = try c.decode(Int64.self, forKey: .ackedSeq, in: 0...Int64.max)
    }
}
