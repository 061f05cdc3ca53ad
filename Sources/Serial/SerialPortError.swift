/// A serial port that could not be opened, set up or written to: the path, the step and the system's words.
public struct SerialPortError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The port's path.
    public let path: String
    /// What was being done: `open`, `configure`, `write`.
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
}
