import QueueService
import ServiceLifecycle

/// Ends every live event stream when the daemon shuts down, so HTTP can finish gracefully.
struct EventHubCloser: Service {
    let hub: EventHub

    func run() async throws {
        try? await gracefulShutdown()
        hub.finishAll()
    }
}
