import DeviceProfiles
import Testing
import Udev

/// Matching what udev reports to the models in Devices/: by subsystem and USB id, nodes only.
@Suite("Present devices")
struct PresentDevicesTests {
    static let board = BoardProfile(
        id: "b", vendor: "V", model: "Board", source: "s", serial: BoardSerialSettings(), characters: 4, letters: true,
        frame: [.text], usb: [USBDeviceID(vendor: 0x1a86, product: 0x7523)]
    )
    static let scanner = InputProfile(id: "s", vendor: "V", model: "Scanner", source: "s", role: .scanner, usb: [USBDeviceID(vendor: 0x0c2e, product: 0x0b61)])

    static func device(_ subsystem: String, node: String?, vendor: String, product: String, action: UdevAction? = nil, path: String = "/sys/x") -> UdevDevice {
        UdevDevice(
            action: action, subsystem: subsystem, sysPath: path, devNode: node, links: node.map { ["/dev/serial/by-id/usb-\($0.suffix(4))"] } ?? [],
            properties: ["ID_VENDOR_ID": vendor, "ID_MODEL_ID": product]
        )
    }

    @Test("a board's serial adapter and a scanner's event node match their models; other devices do not")
    func matching() {
        let present = PresentDevices(boards: [Self.board], inputs: [Self.scanner], printers: PrinterProfileCatalog(profiles: []))
        #expect(present.match(Self.device("tty", node: "/dev/ttyUSB0", vendor: "1a86", product: "7523"))?.kind == "display_board")
        #expect(present.match(Self.device("input", node: "/dev/input/event4", vendor: "0c2e", product: "0b61"))?.kind == "scanner")
        #expect(present.match(Self.device("input", node: "/dev/input/mouse0", vendor: "0c2e", product: "0b61")) == nil, "not an event node")
        #expect(present.match(Self.device("input", node: nil, vendor: "0c2e", product: "0b61")) == nil, "no node")
        #expect(present.match(Self.device("tty", node: "/dev/ttyUSB1", vendor: "0403", product: "6001")) == nil, "another adapter")
        #expect(present.match(Self.device("tty", node: "/dev/ttyS0", vendor: "", product: "")) == nil, "no USB id")
    }

    @Test("add and remove keep the list current, keyed by the sysfs path")
    func addRemove() {
        let present = PresentDevices(boards: [Self.board], inputs: [Self.scanner], printers: PrinterProfileCatalog(profiles: []))
        present.replace(with: [Self.device("tty", node: "/dev/ttyUSB0", vendor: "1a86", product: "7523", path: "/sys/a")])
        #expect(present.list().count == 1)
        present.apply(Self.device("input", node: "/dev/input/event4", vendor: "0c2e", product: "0b61", action: .add, path: "/sys/b"))
        #expect(present.list().map(\.kind).sorted() == ["display_board", "scanner"])
        present.apply(UdevDevice(action: .remove, subsystem: "tty", sysPath: "/sys/a", devNode: "/dev/ttyUSB0", links: [], properties: [:]))
        #expect(present.list().map(\.kind) == ["scanner"])
        #expect(present.list().first?.device.isNamed("/dev/input/event4") == true)
    }

    static let printer = PrinterProfile(
        id: "p", vendor: "Xprinter", model: "XP-80", source: "s", paperWidthMM: 80, printableDots: 576, dpi: 203,
        fontAColumns: 48, codePages: [], qrCode: true, code128: true, cutter: .partial, usb: [USBDeviceID(vendor: 0x0483, product: 0x5743)]
    )

    /// A USB printer that no printer driver (usblp) took is seen as the whole USB device, as CUPS's USB
    /// backend sees it; when usblp has it too, it is listed once, as its usblp node.
    @Test func aUSBPrinterIsListedOnceWhetherOrNotUsblpHasIt() {
        let present = PresentDevices(boards: [], inputs: [], printers: PrinterProfileCatalog(profiles: [Self.printer]))
        var whole = Self.device("usb", node: "/dev/bus/usb/001/004", vendor: "0483", product: "5743", path: "/sys/devices/usb1/1-1")
        whole.properties["DEVTYPE"] = "usb_device"
        var interface = whole
        interface.properties["DEVTYPE"] = "usb_interface"
        #expect(present.match(interface) == nil, "an interface is not the device")
        present.replace(with: [whole])
        #expect(present.list().map(\.kind) == ["printer"])
        present.apply(Self.device("usbmisc", node: "/dev/usb/lp0", vendor: "0483", product: "5743", action: .add, path: "/sys/devices/usb1/1-1/1-1:1.0/usbmisc/lp0"))
        #expect(present.list().map(\.device.subsystem) == ["usbmisc"])
        present.apply(UdevDevice(action: .remove, subsystem: "usbmisc", sysPath: "/sys/devices/usb1/1-1/1-1:1.0/usbmisc/lp0", devNode: nil, links: [], properties: [:]))
        #expect(present.list().map(\.device.subsystem) == ["usb"])
    }

    @Test func aHIDRawNodeIsFollowedButNotListed() {
        let present = PresentDevices(boards: [], inputs: [Self.scanner], printers: PrinterProfileCatalog(profiles: []))
        #expect(PresentDevices.subsystems.contains("hidraw") && PresentDevices.subsystems.contains("usb"))
        #expect(present.match(Self.device("hidraw", node: "/dev/hidraw0", vendor: "0c2e", product: "0b61")) == nil)
    }
}
