import Foundation
import Testing

/// `motcua udev-rules` and the rules file systemd/ ships: generated from the models in Devices/, so they
/// cannot drift apart, and an office's configured devices by their stable links.
@Suite("udev rules")
struct UdevRulesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("systemd/70-motcua.rules is what `motcua udev-rules --models-only` prints")
    func shippedFileIsGenerated() throws {
        let run = try DaemonProcess.run(["udev-rules", "--models-only"])
        #expect(run.status == 0, "\(run.stderr)")
        let shipped = try String(contentsOf: Self.root.appendingPathComponent("systemd/70-motcua.rules"), encoding: .utf8)
        #expect(shipped == run.stdout, "regenerate it: .build/debug/motcua udev-rules --models-only > systemd/70-motcua.rules")
        // The CH340 adapter of the RS-485 board model, and a scanner model, by USB id; no printer (CUPS opens those).
        #expect(shipped.contains(#"SUBSYSTEM=="tty", ATTRS{idVendor}=="1a86", ATTRS{idProduct}=="7523", GROUP="motcua", MODE="0660""#))
        #expect(shipped.contains(#"SUBSYSTEM=="input", KERNEL=="event*", ATTRS{idVendor}=="0c2e", ATTRS{idProduct}=="0b61", GROUP="motcua", MODE="0660""#))
        #expect(!shipped.contains("04b8"), "Epson printers are CUPS's, not motcua's")
        // Every rule line is key==value or key="value" pairs, as udev reads them.
        for line in shipped.split(separator: "\n") where !line.hasPrefix("#") {
            for pair in line.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                #expect(pair.range(of: #"^[A-Z]+(\{[A-Za-z]+\})?(==|=)"[^"]*"$"#, options: .regularExpression) != nil, "\(pair) in \(line)")
            }
        }
    }

    @Test("with a configuration, each configured board, scanner and keypad gets a rule by its stable link")
    func configuredDevices() throws {
        let daemon = try DaemonProcess(config: DaemonProcess.config + """

            boards:
              - {path: /dev/serial/by-id/usb-1a86_USB_Serial-if00-port0, counter: 1, address: 1}
              - {path: /dev/serial/by-id/usb-1a86_USB_Serial-if00-port0, counter: 2, address: 2}
            scanners:
              - {path: /dev/input/by-id/usb-Honeywell_1900-event-kbd, kiosk: tra-cuu-1}
            keypads:
              - {path: /dev/input/by-path/pci-0000:00:14.0-usb-0:3:1.0-event-kbd, counter: 2}
            """)
        let run = try DaemonProcess.run(["udev-rules", "--config", daemon.configFile.path, "--group", "quay"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("SYMLINK==") } == [
            #"SUBSYSTEM=="tty", SYMLINK=="serial/by-id/usb-1a86_USB_Serial-if00-port0", GROUP="quay", MODE="0660""#,
            #"SUBSYSTEM=="input", KERNEL=="event*", SYMLINK=="input/by-id/usb-Honeywell_1900-event-kbd", GROUP="quay", MODE="0660""#,
            #"SUBSYSTEM=="input", KERNEL=="event*", SYMLINK=="input/by-path/pci-0000:00:14.0-usb-0:3:1.0-event-kbd", GROUP="quay", MODE="0660""#,
        ], "one rule per device, the shared RS-485 line once")
        #expect(lines.contains("# keypad, counter 2"))
    }
}
