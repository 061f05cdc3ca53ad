/// A configured device (a printer, a board, a scanner, a keypad) that cannot be driven as configured: the
/// configuration key (or the folder, `Devices/printers`) and why, e.g. `boards[1].profile: no board profile "x" (known: …)`.
public struct DeviceSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key, e.g. `keypads[0].profile`.
    public let key: String
    /// Why.
    public let reason: String

    /// Creates an error.
    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { "\(key): \(reason)" }
}
