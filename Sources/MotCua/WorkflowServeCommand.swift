import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import Workflow
import WorkflowCore
import WorkflowServer

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
        let socketPath = socket ?? (dir as NSString).appendingPathComponent("workflow.sock")
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        } catch {
            throw DaemonError(message: "không tạo được thư mục dữ liệu \(dir): \(error.localizedDescription)")
        }
        let lock = try StateLock(directory: dir, file: "workflow.lock")
        let calendar = try HolidayCalendarFile.workingCalendar(logger: logger)
        let databasePath = (dir as NSString).appendingPathComponent("workflow.sqlite")
        let store: WorkflowStore
        do {
            store = try WorkflowStore(path: databasePath)
        } catch {
            throw DaemonError(message: "không mở được cơ sở dữ liệu \(databasePath): \(error)")
        }
        if demo {
            do {
                let codes = try DemoDossiers.seed(into: store, calendar: calendar, agency: agency, now: Date())
                logger.info("demo dossiers ready", metadata: ["codes": "\(codes.joined(separator: ", "))"])
            } catch {
                throw DaemonError(message: "không tạo được hồ sơ mẫu (demo dossiers): \(error)")
            }
        }
        let handler = WorkflowCoreHandler(store: store, calendar: calendar, agency: agency)
        let server = WorkflowSocketServer(path: socketPath, handler: handler, logger: logger)
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
        withExtendedLifetime(lock) {}
    }
}
