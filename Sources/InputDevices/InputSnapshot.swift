/// A scanner or keypad as the devices list shows it.
public struct InputSnapshot: Sendable, Hashable {
    /// The configured stable path.
    public var path: String
    /// `scanner` or `keypad`.
    public var kind: String
    /// What it serves: `kiosk tra-cuu-1`, `counter 3`.
    public var role: String
    /// The model: vendor and model of its profile.
    public var model: String
    /// Whether it is open and grabbed.
    public var connected: Bool
    /// Why not, when it is not.
    public var problem: String?

    /// Creates a snapshot.
    public init(path: String, kind: String, role: String, model: String, connected: Bool, problem: String?) {
        self.path = path
        self.kind = kind
        self.role = role
        self.model = model
        self.connected = connected
        self.problem = problem
    }
}
