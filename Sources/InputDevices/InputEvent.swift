/// One event from an evdev device (`struct input_event` without its time).
public struct InputEvent: Sendable, Hashable {
    /// `EV_KEY` (1) for keys, `EV_SYN` (0) ends a group, `EV_MSC` (4) carries scan codes.
    public var type: UInt16
    /// The key code for `EV_KEY` (`<linux/input-event-codes.h>`).
    public var code: UInt16
    /// For keys: 1 pressed, 0 released, 2 held (auto-repeat).
    public var value: Int32

    /// `EV_KEY`.
    public static let keyType: UInt16 = 1

    /// Creates an event.
    public init(type: UInt16, code: UInt16, value: Int32) {
        self.type = type
        self.code = code
        self.value = value
    }

    /// A key pressed (not released, not repeated).
    public var isKeyPress: Bool { type == Self.keyType && value == 1 }
}
