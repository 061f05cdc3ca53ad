import Serial

/// An input device that could not be opened, grabbed or read: the path, the step and the system's words.
public struct EvdevDeviceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The device's path.
    public let path: String
    /// What was being done: `open`, `grab`, `read`.
    public let step: DeviceStep
    /// The system's error text.
    public let reason: String

    /// Creates an error.
    public init(path: String, step: DeviceStep, reason: String) {
        self.path = path
        self.step = step
        self.reason = reason
    }

    public var description: String { step.describe(path: path, reason: reason) }

    /// The device at `path` was unplugged while being read.
    public static func wentAway(_ path: String) -> EvdevDeviceError {
        EvdevDeviceError(path: path, step: .read, reason: "thiết bị đã bị rút ra (the device went away)")
    }
}
