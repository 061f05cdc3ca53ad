/// The manufacturer and model a printer's IEEE 1284 device id must carry for a profile to apply.
///
/// Compared case-insensitively and after trimming spaces; `model` may end in `*` to match a prefix
/// (`"TM-T88*"` matches TM-T88V and TM-T88VI).
public struct IEEE1284Match: Sendable, Hashable, Codable {
    /// The `MFG` (or `MANUFACTURER`) value, e.g. "EPSON".
    public var manufacturer: String
    /// The `MDL` (or `MODEL`) value, e.g. "TM-T20II", or a prefix ending in `*`.
    public var model: String

    /// Creates a match.
    public init(manufacturer: String, model: String) {
        self.manufacturer = manufacturer
        self.model = model
    }

    /// Whether `id` names this manufacturer and model.
    public func matches(_ id: IEEE1284DeviceID) -> Bool {
        guard let mfg = id.manufacturer, let mdl = id.model else { return false }
        guard Self.fold(mfg) == Self.fold(manufacturer) else { return false }
        let wanted = Self.fold(model)
        if wanted.hasSuffix("*") { return Self.fold(mdl).hasPrefix(wanted.dropLast()) }
        return Self.fold(mdl) == wanted
    }

    static func fold(_ s: String) -> String { s.trimmingSpaces().lowercased() }
}
