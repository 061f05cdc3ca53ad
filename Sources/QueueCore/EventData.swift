/// The `data` of an event: the fields that apply to its type, the others absent.
public struct EventData: Sendable, Hashable, Codable {
    /// The ticket, as it is after the event (ticket events).
    public var ticket: TicketView?
    /// The counter involved (ticket and counter events).
    public var counter: Int?
    /// The counter's new state (counter events).
    public var counterState: CounterState?
    /// The office day (day events).
    public var day: String?
    /// Where a transferred ticket came from.
    public var fromService: String?
    public var fromCounter: Int?
    /// The day's totals (day.closed).
    public var summary: DaySummary?
    /// The dossier code (dossier events).
    public var code: String?
    /// The applicant's name, masked (`dossier.ready`): never a whole name.
    public var applicantMasked: String?
    /// The device's stable id, such as its CUPS queue (device events).
    public var device: String?
    /// What the device is: `printer`, `display_board`, `scanner`, `keypad` (device events).
    public var deviceKind: String?
    /// What is wrong, in words (`device.fault`).
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case ticket, counter, day, summary, code, device, reason
        case deviceKind = "device_kind"
        case applicantMasked = "applicant_masked"
        case counterState = "counter_state", fromService = "from_service", fromCounter = "from_counter"
    }

    public init(
        ticket: TicketView? = nil, counter: Int? = nil, counterState: CounterState? = nil, day: String? = nil,
        fromService: String? = nil, fromCounter: Int? = nil, summary: DaySummary? = nil, code: String? = nil,
        applicantMasked: String? = nil, device: String? = nil, deviceKind: String? = nil, reason: String? = nil
    ) {
        self.ticket = ticket
        self.counter = counter
        self.counterState = counterState
        self.day = day
        self.fromService = fromService
        self.fromCounter = fromCounter
        self.summary = summary
        self.code = code
        self.applicantMasked = applicantMasked
        self.device = device
        self.deviceKind = deviceKind
        self.reason = reason
    }
}
