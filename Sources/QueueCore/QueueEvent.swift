import Foundation

/// Something that happened, numbered gap-free per daemon; what SSE, the outbox and the workflow core carry.
public struct QueueEvent: Sendable, Hashable, Identifiable {
    /// A UUID, unique for ever; the workflow core stores each once.
    public let id: String
    /// The daemon's sequence number: 1, 2, 3, … with no gap.
    public let seq: Int64
    public let type: EventType
    public let at: Date
    public let site: String
    public let data: EventData

    public init(id: String, seq: Int64, type: EventType, at: Date, site: String, data: EventData) {
        self.id = id
        self.seq = seq
        self.type = type
        self.at = at
        self.site = site
        self.data = data
    }
}
