/// One printer the office configured (`printers[]`, or the `printer` shorthand for one ticket printer).
public struct ConfiguredPrinter: Sendable, Hashable {
    /// What a printer is for.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// Queue tickets at a kiosk (a thermal printer).
        case ticket
        /// Documents the workflow core asks for: receipts, appointment slips (`print.document`).
        case document
    }

    /// The CUPS queue (`printers[].queue`), as `lpstat -p` lists it.
    public var queue: String
    /// What it prints (`printers[].role`).
    public var role: Role
    /// The model's profile id in `Devices/printers` (`printers[].profile`); nil: the generic profile for
    /// its role (80 mm ESC/POS for tickets, an A5 PDF page for documents).
    public var profile: String?
    /// The kiosks it prints tickets for (`printers[].kiosks`); empty: every kiosk.
    public var kiosks: [String]

    /// Creates a printer entry.
    public init(queue: String, role: Role = .ticket, profile: String? = nil, kiosks: [String] = []) {
        self.queue = queue
        self.role = role
        self.profile = profile
        self.kiosks = kiosks
    }

    /// Whether it prints tickets for `kiosk` (a request from no kiosk is printed by none).
    public func serves(kiosk: String?) -> Bool {
        guard role == .ticket, let kiosk else { return false }
        return kiosks.isEmpty || kiosks.contains(kiosk)
    }
}
