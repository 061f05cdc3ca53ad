import Foundation
import Logging
import ServiceLifecycle
import Store
import WorkflowLink
import WorkflowServer

/// The embedded reference core's socket server as one of the daemon's services, which never takes the
/// office down with it: when the server fails (its socket cannot be made, say), the failure is logged and
/// recorded as an incident, and the service waits for the daemon's shutdown while tickets and displays go
/// on and events wait in the outbox.
struct EmbeddedWorkflowCore: Service {
    let server: WorkflowSocketServer
    let store: QueueStore
    let logger: Logger

    func run() async throws {
        do {
            try await server.run()
        } catch is CancellationError {
            return
        } catch {
            logger.error("the embedded workflow core stopped; serving without it", metadata: ["error": "\(error)"])
            try? store.record(Incident(
                kind: .software, device: WorkflowLink.incidentDevice,
                cause: "Hệ thống hồ sơ mẫu (workflow core) dừng vì lỗi: \(error)", startedAt: Date()
            ))
            try? await gracefulShutdown()
        }
    }
}
