/// One LED counter board model as data, decoded from one JSON file in `Devices/boards/`.
///
/// The board shows a counter's current number. How the number is framed on the wire is data
/// (``frame``), so a new model is a new file: bytes before and after the text, the board's address,
/// and a checksum, in the order the model wants them.
public struct BoardProfile: Sendable, Hashable {
    /// Stable id, lowercase letters, digits and `-`: "generic-rs485-4digit".
    public var id: String
    /// Maker, as on the label.
    public var vendor: String
    /// Model, as on the label.
    public var model: String
    /// Where the facts come from (a manual, a seller's protocol sheet), for whoever checks them.
    public var source: String
    /// The serial line.
    public var serial: BoardSerialSettings
    /// How many characters the board shows.
    public var characters: Int
    /// Whether it shows letters (14/16-segment or dot matrix); a 7-segment board shows digits only, and
    /// a number such as `A015` is shown as `015`.
    public var letters: Bool
    /// The frame, token by token: ``BoardFrameToken``.
    public var frame: [BoardFrameToken]
    /// USB ids of the adapter the model ships with (several models share common adapters).
    public var usb: [USBDeviceID]
    /// Free notes for the administrator.
    public var notes: String?

    /// Creates a profile; see the properties for what each value means.
    public init(
        id: String, vendor: String, model: String, source: String, serial: BoardSerialSettings, characters: Int,
        letters: Bool, frame: [BoardFrameToken], usb: [USBDeviceID] = [], notes: String? = nil
    ) {
        self.id = id
        self.vendor = vendor
        self.model = model
        self.source = source
        self.serial = serial
        self.characters = characters
        self.letters = letters
        self.frame = frame
        self.usb = usb
        self.notes = notes
    }
}
