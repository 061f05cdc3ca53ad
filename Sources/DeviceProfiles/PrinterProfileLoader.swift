import Foundation

/// Loads every `*.json` printer profile in a folder (`Devices/printers`): a ``DeviceProfileLoader`` whose
/// profiles make a ``PrinterProfileCatalog``.
public struct PrinterProfileLoader: Sendable {
    /// The folder holding the profile files (e.g. `Devices/printers`).
    public let folder: String

    /// Creates a loader for `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// Loads and checks every profile, in file-name order; see ``DeviceProfileLoader/load()``.
    public func load() throws(DeviceProfileError) -> PrinterProfileCatalog {
        PrinterProfileCatalog(profiles: try DeviceProfileLoader<PrinterProfile>(folder: folder).load())
    }

    /// Decodes and checks one profile; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws(DeviceProfileError) -> PrinterProfile {
        try DeviceProfileLoader<PrinterProfile>.decode(data, file: file)
    }
}
