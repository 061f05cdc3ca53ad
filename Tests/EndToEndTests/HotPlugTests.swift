import Foundation
import Testing

/// Devices plugged in and pulled out while the real daemon runs, with real uevents: a umockdev testbed
/// driven by Tests/Harness/hotplug.py (Python, umockdev's GObject API) under `umockdev-wrapper`, the
/// daemon's libudev monitor listening on the testbed's netlink socket.
@Suite("Hot plug through udev, end to end")
struct HotPlugTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func device(_ list: Any?, kind: String) -> [String: Any]? {
        (list as? [[String: Any]])?.first { $0["kind"] as? String == kind }
    }

    @Test("unconfigured devices (a scanner, a board's serial adapter, a USB printer) appear as not_configured and go when pulled out; the configured keypad opens when plugged in")
    func plugAndUnplug() async throws {
        let daemon = try DaemonProcess(config: DaemonProcess.config + """

            keypads:
              - {path: /dev/input/by-id/usb-Generic_USB_Keypad-event-kbd, counter: 1}
            """)
        let out = daemon.stateDir.appendingPathComponent("hotplug.json")
        let run = try runCapturing(URL(fileURLWithPath: "/usr/bin/umockdev-wrapper"), [
            "/usr/bin/python3", Self.root.appendingPathComponent("Tests/Harness/hotplug.py").path,
            DaemonProcess.binary.path, daemon.stateDir.path, String(daemon.port), daemon.configFile.path, out.path,
        ])
        #expect(run.status == 0, "harness: \(run.stdout) \(run.stderr)\n\(daemon.logText())")
        let observed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])

        #expect(observed["before_ok"] as? Bool == true, "the keypad, not plugged in, is disconnected: \(observed["before"] ?? "")")
        #expect(Self.device(observed["before"], kind: "scanner") == nil)

        let scanner = try #require(Self.device(observed["scanner_plugged"], kind: "scanner"), "the plugged-in scanner is listed: \(observed)")
        #expect(scanner["state"] as? String == "not_configured")
        #expect(scanner["id"] as? String == "/dev/input/by-id/usb-Honeywell_Imaging_Mobility_1900-event-kbd", "listed by its stable link")
        #expect((scanner["detail"] as? String)?.contains("generic-usb-barcode-scanner") == true, "matched to its model by USB id")

        // A board's USB-serial adapter and a USB printer, by their models' USB ids; gone when pulled out.
        let adapter = Self.device(observed["others_plugged"], kind: "display_board")
        #expect(adapter?["id"] as? String == "/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0", "\(observed["others_plugged"] ?? "")")
        #expect((adapter?["detail"] as? String)?.contains("generic-rs485-stx-xor") == true)
        let printer = Self.device(observed["others_plugged"], kind: "printer")
        #expect(printer?["id"] as? String == "/dev/usb/lp0")
        #expect((printer?["name"] as? String)?.contains("TM-T88") == true, "told apart from the TM-T82 by its IEEE 1284 id: \(printer ?? [:])")
        #expect(Self.device(observed["others_unplugged"], kind: "display_board") == nil)
        #expect(Self.device(observed["others_unplugged"], kind: "printer") == nil)

        #expect(Self.device(observed["keypad_plugged"], kind: "keypad")?["state"] as? String == "ok", "\(observed)")
        #expect(Self.device(observed["scanner_unplugged"], kind: "scanner") == nil, "a scanner pulled out is gone from the list")
        #expect(observed["exit"] as? Int == 0, "the daemon stops cleanly")

        // The keypad's outage is over: one incident, ended; device.disconnected then device.connected.
        let events = try PrintingTests.deviceEvents(daemon)
        #expect(events.map(\.type) == ["device.disconnected", "device.connected"], "\(events.map(\.type))")
        print("hotPlug: scanner listed \(observed["scanner_plugged_s"] ?? "?") s after it was plugged, keypad open after \(observed["keypad_plugged_s"] ?? "?") s, scanner gone after \(observed["scanner_unplugged_s"] ?? "?") s")
    }
}
