/// A device the office knows of, as `GET /api/v1/devices` shows it.
public struct DeviceView: Encodable, Sendable {
    /// Stable id: the CUPS queue of a printer, the stable path or serial of a board.
    public let id: String
    /// `printer`, `display_board`, `scanner`, `keypad`.
    public let kind: String
    public let name: String
    /// What it serves: `ticket` (the kiosk's printer), a counter, a kiosk.
    @ExplicitNull var role: String?
    /// `ok`, `fault`, `disconnected`, or `not_monitored` while motcua only knows it from the configuration.
    public let state: String
    /// Words for the administrator.
    @ExplicitNull var detail: String?

    public init(id: String, kind: String, name: String, role: String? = nil, state: String, detail: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.role = role
        self.state = state
        self.detail = detail
    }
}
