/// An input device that could not be opened, grabbed or read: the path, the step and the system's words.
public struct EvdevDeviceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The device's path.
    public let path: String
    /// What was being done: `open`, `grab`, `read`.
    public let step: String
    /// The system's error text.
    public let reason: String

    /// Creates an error.
    public init(path: String, step: String, reason: String) {
        self.path = path
        self.step = step
        self.reason = reason
    }

    public var description: String { "\(path): cannot \(step): \(reason)" }
}
