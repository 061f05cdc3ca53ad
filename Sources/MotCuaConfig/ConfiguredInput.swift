/// One barcode scanner (`scanners[]`) or counter keypad (`keypads[]`) the office configured.
public struct ConfiguredInput: Sendable, Hashable {
    /// Where what it sends goes.
    public enum Target: Sendable, Hashable {
        /// A scanner at a lookup kiosk: each scanned code opens on that kiosk's `/lookup?kiosk=ID` page.
        case kiosk(String)
        /// A keypad at a counter: its keys call, recall, start, finish there.
        case counter(Int)
    }

    /// The input device by a stable path (`/dev/input/by-id/…-event-kbd`, `/dev/input/by-path/…`), never
    /// by the order devices appear in (`/dev/input/event5`).
    public var path: String
    /// Its kiosk or counter.
    public var target: Target
    /// The model's profile id in `Devices/inputs`.
    public var profile: String

    /// Creates an entry.
    public init(path: String, target: Target, profile: String) {
        self.path = path
        self.target = target
        self.profile = profile
    }

    /// The profile of a scanner configured without one.
    public static let defaultScannerProfile = "generic-usb-barcode-scanner"
    /// The profile of a keypad configured without one.
    public static let defaultKeypadProfile = "generic-usb-numeric-keypad"
}
