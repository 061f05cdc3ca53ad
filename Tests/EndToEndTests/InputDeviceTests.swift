import AsyncHTTPClient
import CupsTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// Barcode scanners and counter keypads, read by the real daemon through evdev from devices umockdev
/// mocks (TESTING.md, "udev and input"): a scanned dossier code reaches its kiosk's lookup page, a keypad's
/// "next" key calls at its counter, a device that is not there is an incident.
@Suite("Scanners and keypads through evdev, end to end")
struct InputDeviceTests {
    static let dossier = "000.00.19.H47-260105-0001"

    static func config(extra: String = "") -> String {
        DaemonProcess.config + """

            scanners:
              - {path: \(MockedInputDevices.scannerLink), kiosk: tra-cuu-1}
            keypads:
              - {path: \(MockedInputDevices.keypadLink), counter: 1, profile: generic-usb-numeric-keypad}
            \(extra)
            """
    }

    /// The first `scan` event on the kiosk's stream, within `seconds`.
    static func nextScan(_ daemon: DaemonProcess, kiosk: String, within seconds: Int64 = 30) async throws -> [String: String]? {
        let request = HTTPClientRequest(url: daemon.baseURL + "/api/v1/kiosks/\(kiosk)/scans")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(seconds))
        #expect(response.status.code == 200)
        #expect(response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") == true)
        var pending = ""
        var type: String?
        for try await chunk in response.body {
            pending += String(buffer: chunk)
            while let newline = pending.firstIndex(of: "\n") {
                let line = String(pending[..<newline])
                pending = String(pending[pending.index(after: newline)...])
                if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                if line.hasPrefix("data: "), type == "scan", let data = line.dropFirst(6).data(using: .utf8) {
                    return try JSONSerialization.jsonObject(with: data) as? [String: String]
                }
            }
        }
        return nil
    }

    @Test("a code scanned at the lookup kiosk reaches that kiosk's page; the keypad's 1 key calls the next citizen at its counter")
    func scannerAndKeypad() async throws {
        let mocked = try MockedInputDevices()
        defer { mocked.remove() }
        // KEY_KP1 (79): "next" in Devices/inputs/generic-usb-numeric-keypad.json, pressed twice within
        // 10 ms (a bounce, or a clerk's double tap) every 6 s.
        let launcher = try mocked.launcher(scanned: Self.dossier, keys: [79, 79], every: 6)
        let daemon = try DaemonProcess(config: Self.config())
        try await daemon.start(launcher: launcher)

        // The keypad: a ticket waits at counter 1, the clerk presses 1, the ticket is called there.
        #expect(try await daemon.controlPost("/api/v1/counters/1/open").status == 200)
        let ticket = try await daemon.post("/api/v1/tickets", json: ["service": "HT"]).object
        let behind = try await daemon.post("/api/v1/tickets", json: ["service": "HT"]).object
        let number = try #require(ticket["number"] as? String)
        let id = try #require(ticket["id"] as? String)
        let called = try await eventually("ticket \(number) called at counter 1 by the keypad", within: .seconds(40)) { () -> [String: Any]? in
            let now = try await daemon.get("/api/v1/tickets/\(id)").object
            return now["state"] as? String == "waiting" ? nil : now
        }
        #expect(called["counter"] as? Int == 1, "\(called)")
        #expect(called["state"] as? String == "called", "\(called)")
        let second = try await daemon.get("/api/v1/tickets/\(try #require(behind["id"] as? String))").object
        #expect(second["state"] as? String == "waiting", "the double press called one citizen, not two: \(second)")

        // The scanner: the page of kiosk tra-cuu-1 gets the code, exactly as printed on the receipt.
        let scan = try #require(try await Self.nextScan(daemon, kiosk: "tra-cuu-1"), "a scan arrives")
        #expect(scan["code"] == Self.dossier)
        #expect(scan["kiosk"] == "tra-cuu-1")
        // Another kiosk has no scanner: a clear 404, not an endless empty stream.
        let other = try await daemon.get("/api/v1/kiosks/kiosk-2/scans")
        #expect(other.status == 404)
        #expect((other.object["error"] as? [String: Any])?["code"] as? String == "no_scanner")

        let devices = try JSONSerialization.jsonObject(with: Data(try daemon.cli(["devices", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
        let scanner = try #require(devices.first { $0["kind"] as? String == "scanner" })
        #expect(scanner["id"] as? String == MockedInputDevices.scannerLink)
        #expect(scanner["role"] as? String == "kiosk tra-cuu-1")
        #expect(scanner["state"] as? String == "ok")
        let keypad = try #require(devices.first { $0["kind"] as? String == "keypad" })
        #expect(keypad["role"] as? String == "counter 1")
        #expect(keypad["state"] as? String == "ok")
        #expect(try PrintingTests.deviceEvents(daemon).isEmpty, "devices that were there all along make no device events")
        try await daemon.stop()
    }

    @Test("a scanner in serial mode: each line it sends (CR, LF or CR LF) reaches its kiosk's page; unplugged, it is an incident")
    func serialScanner() async throws {
        let pair = try SerialBoardPair()
        try await pair.plugIn()
        let daemon = try DaemonProcess(config: DaemonProcess.config + """

            scanners:
              - {path: \(pair.daemonPath), kiosk: tra-cuu-2, profile: generic-serial-barcode-scanner}
            """)
        try await daemon.start()
        let devices = try await eventually("the serial scanner open") { () -> [[String: Any]]? in
            let list = try JSONSerialization.jsonObject(with: Data(try daemon.cli(["devices", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
            return list.contains { $0["kind"] as? String == "scanner" && $0["state"] as? String == "ok" } ? list : nil
        }
        #expect(devices.first { $0["kind"] as? String == "scanner" }?["role"] as? String == "kiosk tra-cuu-2")

        // The page subscribes, then the scanner sends: a half line, the rest with CR LF, then another with LF.
        let first = Task { try await Self.nextScan(daemon, kiosk: "tra-cuu-2") }
        try await Task.sleep(for: .milliseconds(500))
        try pair.send(Array("000.00.19.".utf8))
        try await Task.sleep(for: .milliseconds(100))
        try pair.send(Array("H47-260105-0001\r\n".utf8))
        let scan = try #require(try await first.value)
        #expect(scan["code"] == Self.dossier, "the two halves make one line")
        #expect(scan["kiosk"] == "tra-cuu-2")
        let second = Task { try await Self.nextScan(daemon, kiosk: "tra-cuu-2") }
        try await Task.sleep(for: .milliseconds(500))
        try pair.send(Array("\r\n  \nH47-0002\n".utf8))
        #expect(try await second.value?["code"] as? String == "H47-0002", "empty lines are nothing; the next code arrives alone")

        await pair.unplug()
        _ = try await eventually("the unplugged scanner's incident") { () -> [[String: Any]]? in
            let incidents = try PrintingTests.incidents(daemon).filter { $0["device"] as? String == pair.daemonPath }
            return incidents.isEmpty ? nil : incidents
        }
        #expect(try PrintingTests.deviceEvents(daemon).map(\.type) == ["device.disconnected"])
        try await daemon.stop()
    }

    @Test("a configured keypad that is not plugged in is an incident and device.disconnected, and the office serves on")
    func missingKeypad() async throws {
        let daemon = try DaemonProcess(config: DaemonProcess.config + """

            keypads:
              - {path: /dev/input/by-id/usb-No_Such_Keypad-event-kbd, counter: 2}
            """)
        try await daemon.start()
        let devices = try await eventually("the keypad listed as disconnected") { () -> [[String: Any]]? in
            let list = try JSONSerialization.jsonObject(with: Data(try daemon.cli(["devices", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
            return list.first?["state"] as? String == "disconnected" ? list : nil
        }
        #expect((devices.first?["detail"] as? String)?.contains("No such file or directory") == true, "\(devices)")
        let incidents = try PrintingTests.incidents(daemon)
        #expect(incidents.count == 1)
        #expect((incidents.first?["cause"] as? String)?.hasPrefix("Bàn phím gọi số quầy 2 (/dev/input/by-id/usb-No_Such_Keypad-event-kbd)") == true, "\(incidents)")
        // Retried every 2 s, it is still one incident and one event.
        try await Task.sleep(for: .seconds(5))
        #expect(try PrintingTests.incidents(daemon).count == 1)
        let events = try PrintingTests.deviceEvents(daemon)
        #expect(events.map(\.type) == ["device.disconnected"])
        #expect(events.first?.data["device_kind"] as? String == "keypad")
        #expect(try await daemon.post("/api/v1/tickets", json: ["service": "CT"]).status == 201)
        try await daemon.stop()
    }

    @Test("a scanner given a keypad's profile, or a keypad on a counter that does not exist, stops the start naming the key")
    func badInputConfiguration() async throws {
        for (devices, words) in [
            ("scanners:\n  - {path: /dev/input/by-id/usb-x-event-kbd, kiosk: k1, profile: generic-usb-numeric-keypad}",
             "scanners[0].profile: \"generic-usb-numeric-keypad\" is a keypad, not a scanner"),
            ("keypads:\n  - {path: /dev/input/by-id/usb-x-event-kbd, counter: 7}", "keypads[0].counter: the office has no counter 7"),
            ("keypads:\n  - {path: /dev/input/event3, counter: 1}", "/dev/input/event3 changes with the order devices are plugged in"),
        ] {
            let daemon = try DaemonProcess(config: DaemonProcess.config + "\n" + devices + "\n")
            let check = try DaemonProcess.run(["config", "check", "--config", daemon.configFile.path])
            #expect(check.status == 1)
            #expect(check.stderr.contains(words), "config check: \(check.stderr)")
            await #expect(throws: (any Error).self) { try await daemon.start() }
            #expect(daemon.logText().contains(words), "the start says why: \(daemon.logText())")
        }
    }
}
