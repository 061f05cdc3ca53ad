/// One printer model as data, decoded from one JSON file in `Devices/printers/`.
///
/// Vietnamese is printed as a raster image unless ``vietnameseThroughCodePage`` is true: many
/// printers list WPC1258 or TCVN-3 but print it wrongly, so a profile says it works only when
/// someone has seen it work.
public struct PrinterProfile: Sendable, Hashable {
    /// Stable id, lowercase letters, digits and `-`: "epson-tm-t20", "generic-escpos-80mm".
    public var id: String
    /// Maker, as on the label ("Epson", "Xprinter", "Generic").
    public var vendor: String
    /// Model, as on the label ("TM-T20II/TM-T20III").
    public var model: String
    /// Where the facts come from (a manual, a spec sheet, a database), for whoever checks them.
    public var source: String
    /// Paper roll width in millimetres (58, 80…).
    public var paperWidthMM: Int
    /// Dots across the printable width: the widest raster line, and the width text wraps at.
    public var printableDots: Int
    /// Dots per inch of the head (203 or 180 for most receipt printers).
    public var dpi: Int
    /// Characters per line in font A at normal size.
    public var fontAColumns: Int
    /// Code pages the model has, with their `ESC t` numbers.
    public var codePages: [PrinterCodePage]
    /// Whether Vietnamese through ``codePages`` has been seen to print correctly; false means raster.
    public var vietnameseThroughCodePage: Bool
    /// Whether the model prints QR codes itself (`GS ( k`); otherwise they are sent as raster.
    public var qrCode: Bool
    /// Whether the model prints Code 128 itself (`GS k 73`).
    public var code128: Bool
    /// The cutter.
    public var cutter: PrinterCutter
    /// USB ids the model reports; several models may share one (Epson 04b8:0202).
    public var usb: [USBDeviceID]
    /// IEEE 1284 manufacturer/model pairs the model reports.
    public var ieee1284: [IEEE1284Match]
    /// Free notes for the administrator.
    public var notes: String?

    /// Creates a profile; see the properties for what each value means.
    public init(
        id: String, vendor: String, model: String, source: String, paperWidthMM: Int, printableDots: Int, dpi: Int,
        fontAColumns: Int, codePages: [PrinterCodePage], vietnameseThroughCodePage: Bool = false, qrCode: Bool,
        code128: Bool, cutter: PrinterCutter, usb: [USBDeviceID] = [], ieee1284: [IEEE1284Match] = [], notes: String? = nil
    ) {
        self.id = id
        self.vendor = vendor
        self.model = model
        self.source = source
        self.paperWidthMM = paperWidthMM
        self.printableDots = printableDots
        self.dpi = dpi
        self.fontAColumns = fontAColumns
        self.codePages = codePages
        self.vietnameseThroughCodePage = vietnameseThroughCodePage
        self.qrCode = qrCode
        self.code128 = code128
        self.cutter = cutter
        self.usb = usb
        self.ieee1284 = ieee1284
        self.notes = notes
    }

    /// The `ESC t` number of the code page called `name` (case-insensitive), if the model has it.
    public func codePageNumber(_ name: String) -> Int? {
        codePages.first { $0.name.lowercased() == name.lowercased() }?.number
    }
}
