import QueueService
import ServiceLifecycle

/// systemd's side of the daemon's life: watchdog pings at half the interval systemd asks for, sent
/// only while the queue's writer answers (a hung writer stops them and systemd restarts the daemon),
/// and `STOPPING=1` when a graceful shutdown begins.
struct SystemdSupervision: Service {
    let notifier: SystemdNotifier
    let engine: QueueEngine

    func run() async throws {
        if let interval = notifier.watchdogInterval {
            await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    _ = await engine.read { _ in true }
                    notifier.notify("WATCHDOG=1")
                    try? await Task.sleep(for: interval / 2)
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier.notify("STOPPING=1")
    }
}
