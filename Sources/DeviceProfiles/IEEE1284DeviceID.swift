/// An IEEE 1284 device id as printers report it over USB or the parallel port and CUPS shows it:
/// `KEY:value;` pairs such as `MFG:EPSON;CMD:ESC/POS;MDL:TM-T20II;CLS:PRINTER;`.
public struct IEEE1284DeviceID: Sendable, Hashable {
    /// All pairs, keys upper-cased, values as given (trimmed).
    public var fields: [String: String]

    /// Parses `string`; pairs without a colon are ignored.
    public init(_ string: String) {
        var fields: [String: String] = [:]
        for pair in string.split(separator: ";") {
            guard let colon = pair.firstIndex(of: ":") else { continue }
            let key = String(pair[..<colon]).trimmingSpaces().uppercased()
            fields[key] = String(pair[pair.index(after: colon)...]).trimmingSpaces()
        }
        self.fields = fields
    }

    /// The `MFG` or `MANUFACTURER` value.
    public var manufacturer: String? { fields["MFG"] ?? fields["MANUFACTURER"] }
    /// The `MDL` or `MODEL` value.
    public var model: String? { fields["MDL"] ?? fields["MODEL"] }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
