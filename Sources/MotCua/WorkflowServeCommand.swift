import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import WorkflowCore

/// `motcua workflow serve`: runs the reference workflow core on its Unix socket until SIGTERM or SIGINT.
struct WorkflowServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Chạy hệ thống hồ sơ mẫu (run the reference workflow core)."
    )

    @Option(name: .customLong("state-dir"), help: "Thư mục dữ liệu (state directory; default ./var, /var/lib/motcua under systemd).")
    var stateDir: String?
    @Option(help: "Socket của hệ thống hồ sơ (default STATE_DIR/workflow.sock).")
    var socket: String?
    @Option(help: "Mã cơ quan trong mã hồ sơ (agency code of generated dossier codes).")
    var agency = "000.00.19.H47"
    @Flag(help: "Tạo hồ sơ mẫu, một hồ sơ cho mỗi trạng thái (seed demo dossiers; twice changes nothing).")
    var demo = false

    func run() async throws {
        do {
            try await serve()
        } catch let error as DaemonError {
            FileHandle.standardError.write(Data("motcua workflow: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func serve() async throws {
        var logger = Logger(label: "motcua.workflow")
        logger.logLevel = ProcessInfo.processInfo.environment["MOTCUA_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let dir = StateDirectory.resolve(flag: stateDir, configured: nil)
        let clock = try Self.testClock(logger: logger)
        let core = try WorkflowCoreSetup(stateDir: dir, socket: socket, agency: agency, demo: demo, logger: logger, clock: clock)
        let socketPath = core.socketPath
        let server = core.server
        logger.info("workflow core starting", metadata: [
            "state_dir": "\(dir)", "socket": "\(socketPath)", "agency": "\(agency)", "demo": "\(demo)",
        ])
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: server)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await group.run()
        } catch {
            throw DaemonError(message: "workflow socket \(socketPath): \(error)")
        }
        try? FileManager.default.removeItem(atPath: socketPath)
        logger.info("workflow core stopped")
        withExtendedLifetime(core.lock) {}
    }

    /// The environment variable of the test clock (``testClock(logger:environment:)``).
    static let nowVariable = "MOTCUA_WORKFLOW_NOW"

    /// The core's clock. TEST HOOK: with `MOTCUA_WORKFLOW_NOW=<RFC 3339 time>` in the environment, the core's
    /// clock starts at that instant and runs on from it, so end-to-end tests can receive dossiers "by hand"
    /// on chosen dates (a `received_at` must be within the week before now). Only `motcua workflow serve`
    /// reads it, and says so in its log at warning; never set it in production.
    static func testClock(
        logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> @Sendable () -> Date {
        guard let text = environment[nowVariable] else { return { Date() } }
        guard let start = WorkflowJSON.date(text) else {
            throw DaemonError(message: "\(nowVariable)=\(text) không phải thời điểm RFC 3339 (not an RFC 3339 time)")
        }
        let offset = start.timeIntervalSinceNow
        logger.warning("test clock in use: the core's time is not the system's", metadata: [
            "variable": "\(nowVariable)", "now": "\(WorkflowJSON.timestamp(start))",
        ])
        return { Date().addingTimeInterval(offset) }
    }
}
