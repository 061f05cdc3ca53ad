import DeviceProfiles
import Synchronization

/// What is plugged in now and matches a model in `Devices/` by USB id: serial adapters of board models,
/// scanners and keypads (their input event nodes), USB printers (by USB id and IEEE 1284 device id). Kept current by ``HotPlugService``.
public final class PresentDevices: Sendable {
    private let boards: [BoardProfile]
    private let inputs: [InputProfile]
    private let printers: PrinterProfileCatalog
    private let devices = Mutex<[String: PresentDevice]>([:])

    /// An empty list matching against these models.
    public init(boards: [BoardProfile], inputs: [InputProfile], printers: PrinterProfileCatalog) {
        self.boards = boards
        self.inputs = inputs
        self.printers = printers
    }

    /// The subsystems worth following for these models: serial adapters (`tty`), scanners and keypads
    /// (`input`), USB printers bound to usblp (`usbmisc`) or not (`usb`, the whole device, as CUPS's own USB
    /// backend sees it), and `hidraw` (a scanner in HID mode: followed so its drivers hear of it, not listed,
    /// since every HID keyboard also has one).
    public static let subsystems = ["tty", "input", "usbmisc", "usb", "hidraw"]

    /// Replaces the list with what an enumeration found.
    public func replace(with found: [UdevDevice]) {
        let matched = found.compactMap(match)
        devices.withLock { $0 = Dictionary(matched.map { ($0.device.sysPath, $0) }, uniquingKeysWith: { first, _ in first }) }
    }

    /// Applies one monitor event; returns the matched device it concerns, if any.
    @discardableResult
    public func apply(_ event: UdevDevice) -> PresentDevice? {
        if event.action == .remove {
            return devices.withLock { $0.removeValue(forKey: event.sysPath) }
        }
        guard let matched = match(event) else { return nil }
        devices.withLock { $0[event.sysPath] = matched }
        return matched
    }

    /// Everything present, by name. A USB printer seen both as the whole device (`usb`) and as its usblp
    /// node (`usbmisc`) is listed once, as the usblp node, which says its model by IEEE 1284 id.
    public func list() -> [PresentDevice] {
        let all = devices.withLock { Array($0.values) }
        let printerNodes = all.filter { $0.device.subsystem == "usbmisc" }.map(\.device.sysPath)
        return all.filter { present in
            present.device.subsystem != "usb" || !printerNodes.contains { $0.hasPrefix(present.device.sysPath + "/") }
        }.sorted { $0.name < $1.name }
    }

    /// The model `device` is, if any.
    public func match(_ device: UdevDevice) -> PresentDevice? {
        guard device.devNode != nil, let id = device.usbID else { return nil }
        switch device.subsystem {
        case "usbmisc":
            // Several models share USB ids (Epson 04b8:0202): the IEEE 1284 device id tells them apart.
            guard let printer = printers.match(usb: id, deviceID: device.properties["IEEE1284_ID"]) else { return nil }
            return PresentDevice(device: device, kind: "printer", profile: printer.id, model: "\(printer.vendor) \(printer.model)")
        case "usb":
            // The whole USB device (not its interfaces), when no printer driver took it: by USB id only.
            guard device.properties["DEVTYPE"] == "usb_device",
                  let printer = printers.match(usb: id, deviceID: nil) else { return nil }
            return PresentDevice(device: device, kind: "printer", profile: printer.id, model: "\(printer.vendor) \(printer.model)")
        case "tty":
            guard let board = boards.first(where: { $0.usb.contains(id) }) else { return nil }
            return PresentDevice(device: device, kind: "display_board", profile: board.id, model: "\(board.vendor) \(board.model)")
        case "input":
            guard device.devNode?.contains("/event") == true, let input = inputs.first(where: { $0.usb.contains(id) }) else { return nil }
            return PresentDevice(device: device, kind: input.role.rawValue, profile: input.id, model: "\(input.vendor) \(input.model)")
        default:
            return nil
        }
    }
}
