import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// What the administrator sees when the workflow core is not there: the office serves on, and the
/// incident log says since when the core was missing and when it came back.
@Suite("Workflow core outages", .serialized)
struct WorkflowOutageTests {
    static func incidents(_ daemon: DaemonProcess) throws -> [[String: Any]] {
        let answer = try daemon.cli(["incidents", "--json"])
        #expect(answer.status == 0, "\(answer.stderr)")
        return try JSONSerialization.jsonObject(with: Data(answer.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test("an embedded core that cannot start does not stop the office: tickets go on, an incident says why, and a core started by hand on that state directory is used")
    func embeddedCoreCannotStart() async throws {
        let daemon = try DaemonProcess()
        // A core started by hand holds the state directory's workflow lock and its socket, so the
        // daemon's own embedded core cannot start there.
        let core = Process()
        core.executableURL = DaemonProcess.binary
        core.arguments = ["workflow", "serve", "--state-dir", daemon.stateDir.path, "--demo"]
        let coreLog = daemon.stateDir.appendingPathComponent("core.log")
        _ = FileManager.default.createFile(atPath: coreLog.path, contents: nil)
        core.standardOutput = try FileHandle(forWritingTo: coreLog)
        core.standardError = core.standardOutput
        try core.run()
        defer { if core.isRunning { kill(core.processIdentifier, SIGKILL) } }
        let socket = daemon.stateDir.appendingPathComponent("workflow.sock").path
        let deadline = Date() + 20
        while (try? LineSocket(path: socket))?.close() == nil, Date() < deadline { try await Task.sleep(for: .milliseconds(30)) }

        try await daemon.start()
        let ticket = try await daemon.post("/api/v1/tickets", json: ["service": "HT"])
        #expect(ticket.status == 201)
        #expect(daemon.logText().contains("the embedded workflow core cannot start"))
        let logged = try Self.incidents(daemon)
        let outage = try #require(logged.first { $0["device"] as? String == "workflow" })
        #expect(outage["kind"] as? String == "software")
        #expect((outage["cause"] as? String)?.contains("không khởi động được") == true)

        // The link found the core that is there: a demo dossier looks up, and the incident is over.
        let codes = String(decoding: (try? Data(contentsOf: coreLog)) ?? Data(), as: UTF8.self)
            .split(whereSeparator: { " ,=\n".contains($0) }).map(String.init).filter { $0.hasPrefix("000.00.19.H47-") }
        let code = try #require(codes.first)
        var found = 0
        for _ in 0..<100 {
            found = try await daemon.get("/api/v1/dossiers/\(code)").status
            if found == 200 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(found == 200)
        let after = try Self.incidents(daemon).first { $0["device"] as? String == "workflow" }
        #expect(after?["ended_at"] is String)
        try await daemon.stop()
    }

    @Test("a core away longer than workflow.outage_seconds becomes an incident from when it went, ended when it answers again")
    func outageIsLogged() async throws {
        let core = try WorkflowCoreProcess()
        let daemon = try DaemonProcess(config: DaemonProcess.config + "\nworkflow: {socket: \"\(core.socketPath)\", outage_seconds: 1}\n")
        try await core.start()
        try await daemon.start()
        #expect(try await daemon.waitForMetric("motcua_workflow_connected", within: 10) { $0 == 1 } == 1)
        #expect(try Self.incidents(daemon).isEmpty)

        _ = try await core.stop(signal: SIGKILL)
        let lost = Date()
        // Tickets go on meanwhile, and wait in the outbox.
        for _ in 0..<5 { #expect(try await daemon.post("/api/v1/tickets", json: ["service": "HT"]).status == 201) }
        var open: [String: Any]?
        for _ in 0..<100 {
            open = try Self.incidents(daemon).first { $0["device"] as? String == "workflow" }
            if open != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let incident = try #require(open, "no incident after the core was away for more than a second")
        #expect(incident["ended_at"] == nil || incident["ended_at"] is NSNull)
        #expect((incident["cause"] as? String)?.contains(core.socketPath) == true)
        let started = try #require((incident["started_at"] as? String).flatMap { ISO8601DateFormatter.withFractions.date(from: $0) ?? ISO8601DateFormatter().date(from: $0) })
        #expect(abs(started.timeIntervalSince(lost)) < 2, "the incident starts when the core went away")

        try await core.start()
        #expect(try await daemon.waitForMetric("motcua_outbox_pending", within: 30) { $0 == 0 } == 0)
        let closed = try Self.incidents(daemon).first { $0["device"] as? String == "workflow" }
        #expect(closed?["ended_at"] is String)
        #expect(try Self.incidents(daemon).filter { $0["device"] as? String == "workflow" }.count == 1)
        try await daemon.stop()
        _ = try await core.stop()
    }
}

extension ISO8601DateFormatter {
    /// RFC 3339 with fractional seconds, as the API writes times.
    static var withFractions: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
