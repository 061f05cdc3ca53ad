/// A plugged-in device that matches a model in `Devices/`, whether or not the office configured it.
public struct PresentDevice: Sendable, Hashable {
    /// What udev says of it.
    public var device: UdevDevice
    /// `printer`, `display_board`, `scanner` or `keypad`.
    public var kind: String
    /// The matching profile's id.
    public var profile: String
    /// Vendor and model of the profile.
    public var model: String

    /// Creates an entry.
    public init(device: UdevDevice, kind: String, profile: String, model: String) {
        self.device = device
        self.kind = kind
        self.profile = profile
        self.model = model
    }

    /// The name to show: its first stable link, else its node.
    public var name: String { device.links.first { $0.contains("/by-id/") } ?? device.links.first ?? device.devNode ?? device.sysPath }
}
