/// A barcode scanner or counter keypad model as data, decoded from one JSON file in `Devices/inputs/`.
///
/// Both are keyboards to the kernel (evdev). A scanner types each code and ends it with Enter; a keypad's
/// keys are mapped here to what they do at the counter, so a keypad with other keys is a new file.
public struct InputProfile: Sendable, Hashable {
    /// What the device is.
    public enum Role: String, Sendable, Hashable, Codable {
        /// Types what it scans, a line per scan (keyboard mode).
        case scanner
        /// Call keys at a counter.
        case keypad
    }

    /// Stable id, lowercase letters, digits and `-`.
    public var id: String
    /// Maker, as on the label.
    public var vendor: String
    /// Model, as on the label.
    public var model: String
    /// Where the facts come from, for whoever checks them.
    public var source: String
    /// Scanner or keypad.
    public var role: Role
    /// USB ids the model is known by.
    public var usb: [USBDeviceID]
    /// For a scanner in serial mode (RS-232 or a USB virtual COM port): its line settings. It then sends
    /// each code as a line of text ended by CR and/or LF on a serial port, not as key presses.
    public var serial: BoardSerialSettings?
    /// A keypad's keys (Linux key codes, written by name in the file: `"KEY_KP1": "next"`); empty for a scanner.
    public var keys: [UInt16: CounterKeyAction]
    /// Free notes for the administrator.
    public var notes: String?

    /// Creates a profile; see the properties for what each value means.
    public init(
        id: String, vendor: String, model: String, source: String, role: Role, usb: [USBDeviceID] = [],
        serial: BoardSerialSettings? = nil, keys: [UInt16: CounterKeyAction] = [:], notes: String? = nil
    ) {
        self.id = id
        self.vendor = vendor
        self.model = model
        self.source = source
        self.role = role
        self.usb = usb
        self.serial = serial
        self.keys = keys
        self.notes = notes
    }
}
