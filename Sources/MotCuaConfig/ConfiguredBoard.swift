/// One LED counter board the office configured (`boards[]`).
public struct ConfiguredBoard: Sendable, Hashable {
    /// The serial port by a stable path (`/dev/serial/by-id/…`, `/dev/serial/by-path/…`), never by the
    /// order ports happen to appear in (`/dev/ttyUSB0`).
    public var path: String
    /// The counter whose number it shows.
    public var counter: Int
    /// The model's profile id in `Devices/boards`.
    public var profile: String
    /// Its address on a shared RS-485 line (0…99).
    public var address: Int

    /// Creates a board entry.
    public init(path: String, counter: Int, profile: String = ConfiguredBoard.defaultProfile, address: Int = 0) {
        self.path = path
        self.counter = counter
        self.profile = profile
        self.address = address
    }

    /// The profile of a board configured without one.
    public static let defaultProfile = "generic-rs485-stx-xor"
}
