/// The printer profiles loaded from a folder, and how a connected printer finds its profile.
public struct PrinterProfileCatalog: Sendable, Hashable {
    /// All profiles, sorted by id.
    public let profiles: [PrinterProfile]

    /// Creates a catalog; the profiles are sorted by id.
    public init(profiles: [PrinterProfile]) {
        self.profiles = profiles.sorted { $0.id < $1.id }
    }

    /// The profile with this id.
    public func profile(id: String) -> PrinterProfile? {
        profiles.first { $0.id == id }
    }

    /// Profiles whose IEEE 1284 MFG/MDL match `deviceID` (case-insensitive); exact model names
    /// before `*` prefixes, longer prefixes first.
    public func profiles(matchingDeviceID deviceID: String) -> [PrinterProfile] {
        let id = IEEE1284DeviceID(deviceID)
        func rank(_ profile: PrinterProfile) -> Int? {
            profile.ieee1284.filter { $0.matches(id) }
                .map { $0.model.hasSuffix("*") ? $0.model.count : 10_000 }
                .max()
        }
        return profiles.compactMap { p in rank(p).map { (p, $0) } }
            .sorted { $0.1 > $1.1 }
            .map(\.0)
    }

    /// Profiles listing this USB vendor and product id.
    public func profiles(matchingUSB usb: USBDeviceID) -> [PrinterProfile] {
        profiles.filter { $0.usb.contains(usb) }
    }

    /// The profile for a connected printer: the best IEEE 1284 match if any, else the only profile with
    /// its USB ids. Nil when nothing matches or several models share the USB ids (Epson 04b8:0202) and
    /// no device id tells them apart: the administrator then picks a profile by id.
    public func match(usb: USBDeviceID? = nil, deviceID: String? = nil) -> PrinterProfile? {
        if let deviceID, let best = profiles(matchingDeviceID: deviceID).first { return best }
        if let usb {
            let candidates = profiles(matchingUSB: usb)
            if candidates.count == 1 { return candidates[0] }
        }
        return nil
    }
}
