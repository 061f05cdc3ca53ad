/// `events.publish` params, daemon → core: `{"events": [event, …]}`, a batch in `seq` order.
///
/// The `seq` numbers must rise strictly within a batch (`-32602` names the first one that does not); gaps
/// and resent events are the core's to judge, which stores each event id once. Members it does not know are
/// ignored on decode. A batch must fit one frame (``FrameLimit/bytes``): the sender sizes its batches.
public struct EventsPublishParams: WorkflowParams {
    /// The answer: ``EventsPublishResult``.
    public typealias Result = EventsPublishResult
    /// `events.publish`.
    public static let method = WorkflowMethod.eventsPublish

    /// `events`: the batch, in `seq` order.
    public var events: [WireEvent]

    enum CodingKeys: String, CodingKey {
        case events
    }

    /// A batch of events, in `seq` order.
    public init(events: [WireEvent]) {
        self.events = events
    }

    /// Decodes the batch and checks its order.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        events = try c.decode([WireEvent].self, forKey: .events)
        for index in events.indices.dropFirst() where events[index].seq <= events[index - 1].seq {
            throw DecodingError.dataCorrupted(.init(
                codingPath: c.codingPath + [CodingKeys.events, AnyCodingKey(index: index), AnyCodingKey("seq")],
                debugDescription: "\(events[index].seq) does not follow \(events[index - 1].seq): events go in rising seq order"
            ))
        }
    }
}
