import DeviceProfiles

/// One device as udev describes it.
public struct UdevDevice: Sendable, Hashable {
    /// What happened (nil for a device found by enumeration).
    public var action: UdevAction?
    /// `tty`, `input`, `usb`, `usbmisc`, `hidraw`.
    public var subsystem: String
    /// Its path under /sys.
    public var sysPath: String
    /// Its node under /dev, if it has one.
    public var devNode: String?
    /// The stable links udev made for it (`/dev/serial/by-id/…`, `/dev/input/by-path/…`).
    public var links: [String]
    /// Its udev properties (`ID_VENDOR_ID`, `ID_MODEL_ID`, `ID_SERIAL`, `ID_INPUT_KEYBOARD`…), and a USB
    /// printer's IEEE 1284 device id (its sysfs `ieee1284_id`) as `IEEE1284_ID`.
    public var properties: [String: String]

    /// Creates a description.
    public init(
        action: UdevAction?, subsystem: String, sysPath: String, devNode: String?, links: [String], properties: [String: String]
    ) {
        self.action = action
        self.subsystem = subsystem
        self.sysPath = sysPath
        self.devNode = devNode
        self.links = links
        self.properties = properties
    }

    /// The USB vendor and product, from `ID_VENDOR_ID` and `ID_MODEL_ID`.
    public var usbID: USBDeviceID? {
        guard let vendor = properties["ID_VENDOR_ID"].flatMap({ UInt16($0, radix: 16) }),
              let product = properties["ID_MODEL_ID"].flatMap({ UInt16($0, radix: 16) }) else { return nil }
        return USBDeviceID(vendor: vendor, product: product)
    }

    /// Whether `path` names this device: its node or one of its links.
    public func isNamed(_ path: String) -> Bool {
        devNode == path || links.contains(path)
    }
}
