/// One LED board as the devices list shows it.
public struct BoardSnapshot: Sendable, Hashable {
    /// The serial port's stable path.
    public var path: String
    /// Its address on the line.
    public var address: Int
    /// The counter it shows.
    public var counter: Int
    /// The model: `Generic 4-character counter board …`.
    public var model: String
    /// Whether its port is open and took the last frame.
    public var connected: Bool
    /// Why not, when it is not.
    public var problem: String?
    /// What it shows now (spaces when blank); nil before the first frame.
    public var showing: String?

    /// Creates a snapshot.
    public init(path: String, address: Int, counter: Int, model: String, connected: Bool, problem: String?, showing: String?) {
        self.path = path
        self.address = address
        self.counter = counter
        self.model = model
        self.connected = connected
        self.problem = problem
        self.showing = showing
    }
}
