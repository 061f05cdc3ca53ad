/// `events.stats` result: `{"received", "stored", "duplicates", "last_seq"}`. Members it does not know are
/// ignored on decode.
public struct EventsStatsResult: Codable, Sendable, Hashable {
    /// `received`: events received, resent ones included.
    public var received: Int64
    /// `stored`: distinct events stored.
    public var stored: Int64
    /// `duplicates`: events received again and not stored again.
    public var duplicates: Int64
    /// `last_seq`: the highest `seq` stored (for one daemon; the highest of any when summed), 0 for none.
    public var lastSeq: Int64

    enum CodingKeys: String, CodingKey {
        case received, stored, duplicates
        case lastSeq = "last_seq"
    }

    /// A stats result.
    public init(received: Int64, stored: Int64, duplicates: Int64, lastSeq: Int64) {
        self.received = received
        self.stored = stored
        self.duplicates = duplicates
        self.lastSeq = lastSeq
    }
}
