/// What libudev could not do.
public struct UdevError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step: `udev_new`, `monitor`, `enumerate`, `receive`.
    public let step: String
    /// The system's words.
    public let reason: String

    /// Creates an error.
    public init(step: String, reason: String) {
        self.step = step
        self.reason = reason
    }

    public var description: String { "udev: cannot \(step): \(reason)" }
}
