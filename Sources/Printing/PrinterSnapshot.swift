import MotCuaConfig

/// One configured printer as the devices list shows it.
public struct PrinterSnapshot: Sendable, Hashable {
    /// The CUPS queue.
    public var queue: String
    /// What it prints.
    public var role: ConfiguredPrinter.Role
    /// The kiosks it serves (empty: all).
    public var kiosks: [String]
    /// The profile it prints with, such as `epson-tm-t20`.
    public var profile: String
    /// The model's name, such as `Epson TM-T20II/TM-T20III`.
    public var model: String
    /// Its health as last read.
    public var health: PrinterHealth

    /// Creates a snapshot.
    public init(
        queue: String, role: ConfiguredPrinter.Role, kiosks: [String], profile: String, model: String, health: PrinterHealth
    ) {
        self.queue = queue
        self.role = role
        self.kiosks = kiosks
        self.profile = profile
        self.model = model
        self.health = health
    }
}
