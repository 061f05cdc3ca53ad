/// An event as the log keeps it: its seq, type and the JSON that is sent.
public struct StoredEvent: Sendable, Hashable {
    public let seq: Int64
    public let type: String
    /// The whole event as one line of JSON.
    public let body: String

    public init(seq: Int64, type: String, body: String) {
        self.seq = seq
        self.type = type
        self.body = body
    }
}
