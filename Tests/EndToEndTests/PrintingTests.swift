import Cups
import CupsTestSupport
import EscPos
import Foundation
import Testing

/// Kiosk tickets printed by the real daemon through a real, private CUPS scheduler to socat printers
/// (TESTING.md, "CUPS"): what reaches the printer, fail-over, incidents and events, a missing queue.
@Suite("Ticket printing through CUPS, end to end")
struct PrintingTests {
    /// The office of the other end-to-end tests with the printers in `printers` (YAML list items).
    static func config(printers: String) -> String {
        DaemonProcess.config + "\nprinting: {poll_seconds: 1}\nprinters:\n" + printers + "\n"
    }

    /// A daemon on `cups`'s scheduler, started.
    static func daemon(_ cups: PrivateCups, printers: String) async throws -> DaemonProcess {
        let daemon = try DaemonProcess(config: config(printers: printers))
        try await daemon.start(environment: ["CUPS_SERVER": "localhost:\(cups.port)"])
        return daemon
    }

    /// The event log's (type, data) pairs of device events, read with the sqlite3 shell.
    static func deviceEvents(_ daemon: DaemonProcess) throws -> [(type: String, data: [String: Any])] {
        let rows = try sqlite3(daemon.stateDir.appendingPathComponent("motcua.sqlite").path,
                               "SELECT body FROM event WHERE type LIKE 'device.%' ORDER BY seq")
        return rows.compactMap { row in
            guard let event = try? JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any],
                  let type = event["type"] as? String else { return nil }
            return (type, event["data"] as? [String: Any] ?? [:])
        }
    }

    /// The incident log as `motcua incidents --json` gives it.
    static func incidents(_ daemon: DaemonProcess) throws -> [[String: Any]] {
        let run = try daemon.cli(["incidents", "--json"])
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
    }

    static func takeTicket(_ daemon: DaemonProcess, kiosk: String? = "kiosk-1") async throws -> [String: Any] {
        var body: [String: Any] = ["service": "HT"]
        if let kiosk { body["kiosk"] = kiosk }
        let answer = try await daemon.post("/api/v1/tickets", json: body)
        #expect(answer.status == 201, "\(String(decoding: answer.body, as: UTF8.self))")
        return answer.object
    }

    @Test("a kiosk's ticket reaches its printer as ESC/POS: the number big, the Vietnamese lines as raster, the QR, the cut")
    func ticketPrints() async throws {
        try await PrivateCups.with { cups in
            let printer = try await cups.addCapturedQueue("kiosk-1")
            let daemon = try await Self.daemon(cups, printers: "  - {queue: kiosk-1, role: ticket, profile: epson-tm-t20}")
            let ticket = try await Self.takeTicket(daemon)
            #expect(ticket["printed"] as? Bool == true)
            let number = try #require(ticket["number"] as? String)

            // A request from no kiosk (a script) prints nothing.
            let scripted = try await Self.takeTicket(daemon, kiosk: nil)
            #expect(scripted["printed"] as? Bool == false)

            let bytes = try await printer.waitForBytes(1000)
            // Everything that arrived is one ticket and parses back completely.
            let commands = try EscPosParser().parseStrictly(bytes)
            #expect(commands.first == .initialize)
            let numberAt = try #require(commands.firstIndex(of: .text(Array(number.utf8))))
            #expect(commands[..<numberAt].contains(.characterSize(width: 4, height: 4)))
            #expect(commands.contains { if case .rasterImage = $0 { true } else { false } }, "the Vietnamese lines go as raster")
            #expect(commands.contains(.qrPrint))
            let stored = commands.compactMap { if case .qrStore(let data) = $0 { String(decoding: data, as: UTF8.self) } else { nil } }
            #expect(stored.first?.contains("Số thứ tự: \(number)") == true)
            #expect(stored.first?.contains("Văn phòng thử nghiệm") == true)
            #expect(commands.last == .feedAndCut(.partial, feed: 3))
            #expect(commands.filter { if case .feedAndCut = $0 { true } else { false } }.count == 1, "one ticket, one cut")

            // CUPS may have said "connecting-to-device" while the job went out: that is a printer at work, ok.
            let devices = try daemon.cli(["devices", "--json"])
            let list = try JSONSerialization.jsonObject(with: Data(devices.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(list.first?["id"] as? String == "kiosk-1")
            #expect(list.first?["state"] as? String == "ok")
            #expect((list.first?["name"] as? String)?.contains("TM-T20") == true)
            try await daemon.stop()
        }
    }

    @Test("a printer busy opening its device is at work, not in fault: the next ticket goes to it, no incident")
    func busyPrinterIsNoFault() async throws {
        try await PrivateCups.with { cups in
            // Each job waits 3 s with CUPS saying "connecting-to-device", as a backend opening a slow device.
            let file = try await cups.addSlowQueue("kiosk-1", seconds: 3)
            let daemon = try await Self.daemon(cups, printers: "  - {queue: kiosk-1, role: ticket, profile: generic-escpos-80mm}")
            let first = try await Self.takeTicket(daemon)
            #expect(first["printed"] as? Bool == true)
            _ = try await eventually("CUPS to say the printer is connecting") { () async throws -> Bool? in
                try await cups.client.printerState("kiosk-1").isConnecting ? true : nil
            }
            // The monitor reads every second: it has seen the printer connecting.
            try await Task.sleep(for: .milliseconds(1500))
            let second = try await Self.takeTicket(daemon)
            #expect(second["printed"] as? Bool == true, "the second citizen's ticket went to the busy printer: \(second)")

            let bytes = try await eventually("both tickets at the printer") { () throws -> [UInt8]? in
                let bytes = (try? Data(contentsOf: file)).map { [UInt8]($0) } ?? []
                let cuts = try EscPosParser().parseStrictly(bytes).filter { if case .feedAndCut = $0 { true } else { false } }
                return cuts.count == 2 ? bytes : nil
            }
            let texts = try EscPosParser().parseStrictly(bytes).compactMap { if case .text(let t) = $0 { String(decoding: t, as: UTF8.self) } else { nil } }
            #expect(texts.contains(first["number"] as? String ?? "?") && texts.contains(second["number"] as? String ?? "?"))
            let deviceEvents = try Self.deviceEvents(daemon).map(\.type)
            #expect(deviceEvents.isEmpty, "no device.fault for a printer at work: \(deviceEvents)")
            #expect(try Self.incidents(daemon).isEmpty)
            let devices = try JSONSerialization.jsonObject(with: Data(try daemon.cli(["devices", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
            #expect(devices.first?["state"] as? String == "ok")
            try await daemon.stop()
        }
    }

    @Test("a stopped printer: the ticket prints on the next of the role, the fault is an incident and device.fault; recovery ends both")
    func failOver() async throws {
        try await PrivateCups.with { cups in
            let first = try await cups.addCapturedQueue("kiosk-a")
            let second = try await cups.addCapturedQueue("kiosk-b")
            let daemon = try await Self.daemon(cups, printers: """
                  - {queue: kiosk-a, role: ticket, profile: generic-escpos-80mm}
                  - {queue: kiosk-b, role: ticket, profile: generic-escpos-58mm}
                """)
            try await cups.disable("kiosk-a", reason: "Hết giấy")
            let ticket = try await Self.takeTicket(daemon)
            #expect(ticket["printed"] as? Bool == true)
            let bytes = try await second.waitForBytes(500)
            #expect(try EscPosParser().parseStrictly(bytes).contains(.text(Array((ticket["number"] as? String ?? "?").utf8))))
            #expect(first.bytes().isEmpty, "nothing went to the stopped printer")

            let open = try await eventually("an open incident for kiosk-a") { () throws -> [String: Any]? in
                try Self.incidents(daemon).first { $0["device"] as? String == "kiosk-a" }
            }
            #expect(open["kind"] as? String == "hardware")
            #expect(open["ended_at"] == nil || open["ended_at"] is NSNull)
            #expect((open["cause"] as? String)?.contains("kiosk-a") == true)
            #expect(try await daemon.metric("motcua_devices{kind=\"printer\",state=\"fault\"}") == 1)
            let faults = try Self.deviceEvents(daemon).filter { $0.type == "device.fault" }
            #expect(faults.count == 1)
            #expect(faults.first?.data["device"] as? String == "kiosk-a")
            #expect(faults.first?.data["device_kind"] as? String == "printer")
            #expect((faults.first?.data["reason"] as? String)?.isEmpty == false)

            // Paper back in: the monitor sees it within its poll and ends the incident.
            try await ChildProcess.run(PrivateCups.cupsenable, ["kiosk-a"], environment: cups.toolEnvironment)
            _ = try await eventually("the incident for kiosk-a to end") { () throws -> Bool? in
                let incident = try Self.incidents(daemon).first { $0["device"] as? String == "kiosk-a" }
                return (incident?["ended_at"] as? String) != nil ? true : nil
            }
            let events = try Self.deviceEvents(daemon).map(\.type)
            #expect(events == ["device.fault", "device.recovered"])
            #expect(try await daemon.metric("motcua_devices{kind=\"printer\",state=\"ok\"}") == 2)
            #expect(try await daemon.metric("motcua_devices{kind=\"printer\",state=\"fault\"}") == 0)
            let next = try await Self.takeTicket(daemon)
            #expect(next["printed"] as? Bool == true)
            _ = try await first.waitForBytes(500)
            #expect(try Self.incidents(daemon).filter { $0["device"] as? String == "kiosk-a" }.count == 1, "one incident, not one per poll")
            try await daemon.stop()
        }
    }

    @Test("a printer that does not exist: a clear fault, and the ticket stays valid, shown on screen (printed: false)")
    func missingPrinter() async throws {
        try await PrivateCups.with { cups in
            let daemon = try await Self.daemon(cups, printers: "  - {queue: khong-co-may-in, role: ticket}")
            let ticket = try await Self.takeTicket(daemon)
            #expect(ticket["printed"] as? Bool == false)
            let id = try #require(ticket["id"] as? String)
            let stored = try await daemon.get("/api/v1/tickets/\(id)")
            #expect(stored.status == 200)
            #expect(stored.object["state"] as? String == "waiting")
            let devices = try daemon.cli(["devices", "--json"])
            let list = try JSONSerialization.jsonObject(with: Data(devices.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(list.first?["state"] as? String == "fault")
            #expect((list.first?["detail"] as? String)?.contains("no such CUPS queue") == true, "\(list)")
            let text = try daemon.cli(["devices"])
            #expect(text.stdout.contains("khong-co-may-in"))
            #expect(text.stdout.contains("lỗi (fault)"))
            try await daemon.stop()
        }
    }

    @Test("print-test prints the test page and waits for it; a missing queue is a clear error with exit status 1")
    func printTest() async throws {
        try await PrivateCups.with { cups in
            let printer = try await cups.addCapturedQueue("kiosk-1")
            let environment = ["CUPS_SERVER": "localhost:\(cups.port)"]
            let ok = try Self.motcua(["print-test", "--printer", "kiosk-1", "--profile", "xprinter-xp-80"], environment: environment)
            #expect(ok.status == 0, "\(ok.stderr)")
            #expect(ok.stdout.contains("kiosk-1"))
            let commands = try EscPosParser().parseStrictly(printer.bytes())
            #expect(commands.contains { if case .rasterImage = $0 { true } else { false } })
            #expect(commands.last == .feedAndCut(.partial, feed: 3))

            let missing = try Self.motcua(["print-test", "--printer", "khong-co"], environment: environment)
            #expect(missing.status == 1)
            #expect(missing.stdout.contains("khong-co") && missing.stdout.contains("no such CUPS queue"), "\(missing.stdout) \(missing.stderr)")

            let badProfile = try Self.motcua(["print-test", "--printer", "kiosk-1", "--profile", "nope"], environment: environment)
            #expect(badProfile.status == 2)
            #expect(badProfile.stderr.contains("nope") && badProfile.stderr.contains("epson-tm-t20"))
        }
    }

    @Test("an unknown printer profile stops config check and the start, naming the key and the known profiles")
    func unknownProfile() async throws {
        let daemon = try DaemonProcess(config: Self.config(printers: "  - {queue: kiosk-1, profile: epson-tm-t99}"))
        let check = try DaemonProcess.run(["config", "check", "--config", daemon.configFile.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("printers[0].profile") && check.stderr.contains("epson-tm-t99") && check.stderr.contains("epson-tm-t20"))
        await #expect(throws: E2EError.self) { try await daemon.start() }
        #expect(daemon.logText().contains("printers[0].profile"))
    }

    /// Runs `motcua ARGS…` with `environment` added.
    static func motcua(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runCapturing(DaemonProcess.binary, arguments, environment: environment)
    }
}
