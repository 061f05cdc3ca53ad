import Foundation
import Logging
import Workflow
import WorkflowCore
import WorkflowServer

/// The reference workflow core made ready to run on a state directory: its lock, calendar, store, demo
/// dossiers and socket server. `motcua workflow serve` runs it alone; `motcua serve` runs it inside the
/// daemon (`--embedded-workflow`, the default) on the same state directory.
struct WorkflowCoreSetup {
    /// The socket server to run.
    let server: WorkflowSocketServer
    /// The store behind it.
    let store: WorkflowStore
    /// Held while the core runs: keeps a second core off the state directory.
    let lock: StateLock
    /// The socket's path.
    let socketPath: String

    /// Opens the core on `stateDir` (created when missing), listening on `socket` or `STATE_DIR/workflow.sock`;
    /// `clock` is the core's time (receipts, status changes, the demo set), the system clock unless a test says
    /// otherwise.
    ///
    /// - Throws: ``DaemonError`` naming what failed: the folder, the lock, the holiday table, the database,
    ///   the demo dossiers.
    init(
        stateDir dir: String, socket: String?, agency: String, demo: Bool, logger: Logger,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
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
                let codes = try DemoDossiers.seed(into: store, calendar: calendar, agency: agency, now: clock())
                logger.info("demo dossiers ready", metadata: ["codes": "\(codes.joined(separator: ", "))"])
            } catch {
                throw DaemonError(message: "không tạo được hồ sơ mẫu (demo dossiers): \(error)")
            }
        }
        let handler = WorkflowCoreHandler(store: store, calendar: calendar, agency: agency, clock: clock)
        self.server = WorkflowSocketServer(path: socketPath, handler: handler, logger: logger)
        self.store = store
        self.lock = lock
        self.socketPath = socketPath
    }
}
