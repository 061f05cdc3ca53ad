/// A print queue the scheduler offers.
public struct CupsDestination: Sendable, Hashable {
    /// The queue name (`printer-name`), as given to ``CupsClient/submitRaw(printer:title:bytes:)``.
    public var name: String
    /// Its state, reasons and message.
    public var status: PrinterStatus
    /// Whether it is the scheduler's default destination.
    public var isDefault: Bool
    /// Where CUPS sends its jobs (`device-uri`, e.g. `socket://192.168.1.50:9100`), when the scheduler tells.
    public var deviceURI: String?
    /// `printer-info`, the description an administrator gave it.
    public var info: String?
    /// `printer-location`.
    public var location: String?
    /// `printer-make-and-model`.
    public var makeAndModel: String?

    /// A destination from its parts.
    public init(
        name: String, status: PrinterStatus, isDefault: Bool, deviceURI: String? = nil,
        info: String? = nil, location: String? = nil, makeAndModel: String? = nil
    ) {
        self.name = name
        self.status = status
        self.isDefault = isDefault
        self.deviceURI = deviceURI
        self.info = info
        self.location = location
        self.makeAndModel = makeAndModel
    }

    /// `printer-state`.
    public var state: PrinterState { status.state }
    /// `printer-state-reasons`, without `none`.
    public var reasons: [PrinterStateReason] { status.reasons }
}
