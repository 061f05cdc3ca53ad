import Foundation
import Testing

@Suite("The control CLI against the real daemon", .serialized)
struct CommandLineTests {
    @Test("ticket, counter, queue, user and token commands; exit codes 0 on success, 1 refused, 2 usage")
    func controlCommands() async throws {
        try await OfficeDay.awayFromMidnight()
        let daemon = try DaemonProcess()
        try await daemon.start()

        let take = try daemon.cli(["ticket", "take", "HT", "--json"])
        #expect(take.status == 0)
        let ticket = try JSONSerialization.jsonObject(with: Data(take.stdout.utf8)) as? [String: Any]
        #expect(ticket?["number"] as? String == "A001")

        let human = try daemon.cli(["ticket", "take", "CT", "--priority", "elderly"])
        #expect(human.status == 0)
        #expect(human.stdout.contains("Số B001"))

        let refused = try daemon.cli(["ticket", "take", "XX"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("unknown_service"))
        #expect(refused.stderr.contains("Không có dịch vụ"))

        #expect(try daemon.cli(["counter", "next", "1"]).status == 1, "a closed counter refuses next")
        #expect(try daemon.cli(["counter", "open", "1"]).status == 0)
        let called = try daemon.cli(["counter", "next", "1", "--json"])
        #expect(called.status == 0)
        let calledTicket = try JSONSerialization.jsonObject(with: Data(called.stdout.utf8)) as? [String: Any]
        #expect(calledTicket?["number"] as? String == "B001", "the priority ticket is called first")
        #expect(try daemon.cli(["counter", "recall", "1"]).status == 0)
        #expect(try daemon.cli(["counter", "start", "1"]).status == 0)
        #expect(try daemon.cli(["counter", "done", "1", "--dossier", "000.00.19.H47-260105-0001", "--rating", "5"]).status == 0)
        #expect(try daemon.cli(["counter", "done", "1", "--dossier", "nonsense"]).status == 1)

        let queue = try daemon.cli(["queue"])
        #expect(queue.status == 0)
        #expect(queue.stdout.contains("A001"), "the waiting ticket is listed by number")
        #expect(queue.stdout.contains("Quầy 1"))
        let queueJSON = try daemon.cli(["queue", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(queueJSON.stdout.utf8)) as? [String: Any])?["counters"] != nil)

        let user = try daemon.cli(["user", "add", "lan", "--role", "clerk", "--counter", "1", "--json"])
        #expect(user.status == 0)
        let password = (try JSONSerialization.jsonObject(with: Data(user.stdout.utf8)) as? [String: Any])?["password"] as? String
        #expect((password?.count ?? 0) >= 12)
        #expect(try daemon.cli(["user", "add", "lan", "--role", "clerk"]).status == 1, "no two accounts of one name")
        let token = try daemon.cli(["token", "create", "lan"])
        #expect(token.status == 0)
        #expect(token.stdout.hasPrefix("mct_"))

        // Usage errors exit 2 and change nothing.
        #expect(try daemon.cli(["counter", "dance", "1"]).status == 2)
        #expect(try daemon.cli(["counter", "transfer", "1"]).status == 2)
        #expect(try daemon.cli(["user", "add", "x", "--role", "boss"]).status == 2)
        #expect(try DaemonProcess.run(["ticket", "take", "HT", "--control-socket", "/nonexistent/control.sock"]).status == 1)

        #expect(try await daemon.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.controlSocket), "a graceful stop removes the control socket")
    }

    @Test("config check names the bad key and the reason; serve refuses to start on it")
    func badConfiguration() async throws {
        let daemon = try DaemonProcess(config: DaemonProcess.config.replacingOccurrences(of: "prefix: A", with: "prefix: a1"))
        let check = try DaemonProcess.run(["config", "check", "--config", daemon.configFile.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("prefix"))
        await #expect(throws: E2EError.self) { try await daemon.start() }
        #expect(daemon.logText().contains("prefix"))
    }

    @Test("an office's page folder with a broken file stops the start, naming the file and the reason")
    func brokenPageTemplates() async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let strings = site.appendingPathComponent("pages/strings/vi")
        try FileManager.default.createDirectory(at: strings, withIntermediateDirectories: true)
        try Data(#"{"title": ["not", "a", "text"]}"#.utf8).write(to: strings.appendingPathComponent("kiosk.json"))
        let daemon = try DaemonProcess(config: DaemonProcess.config + "\npages:\n  templates: \(site.path)\n")
        let check = try DaemonProcess.run(["config", "check", "--config", daemon.configFile.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains(strings.appendingPathComponent("kiosk.json").path), "\(check.stderr)")
        await #expect(throws: E2EError.self) { try await daemon.start() }
        #expect(daemon.logText().contains(strings.appendingPathComponent("kiosk.json").path), "\(daemon.logText())")
        #expect(daemon.logText().contains("\"title\""))
    }

    @Test("a start that fails on its own (the HTTP port is taken) leaves no false power incident")
    func failedStartIsNoIncident() async throws {
        let first = try DaemonProcess()
        try await first.start()
        let second = try DaemonProcess()
        // The first daemon holds this port: the second cannot listen and stops by itself.
        await #expect(throws: E2EError.self) { try await second.start(["--http", "127.0.0.1:\(first.port)"]) }
        #expect(try await first.stop() == 0)
        try await second.start()
        let log = try second.cli(["incidents"])
        #expect(log.status == 0)
        #expect(log.stdout.contains("Chưa có sự cố nào"), "\(log.stdout)")
        #expect(try await second.stop() == 0)
    }

    @Test("a second daemon on the same state directory is refused")
    func secondDaemonRefused() async throws {
        let first = try DaemonProcess()
        try await first.start()
        let second = try DaemonProcess.run(["serve", "--config", first.configFile.path, "--state-dir", first.stateDir.path, "--http", "127.0.0.1:\(first.port + 1)"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("motcua.lock"))
        #expect(try await first.get("/readyz").status == 200, "the first daemon keeps serving")
        #expect(try await first.stop() == 0)
    }
}
