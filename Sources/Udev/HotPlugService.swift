import Logging
import ServiceLifecycle

/// Lists what is plugged in at start, then follows udev: ``PresentDevices`` stays current, and `changed`
/// hears of every device added or removed (the board and input drivers open theirs at once, instead of at
/// their next retry). When the monitor cannot be set up the office still works, on the retries.
public final class HotPlugService: ServiceLifecycle.Service, Sendable {
    private let present: PresentDevices
    private let logger: Logger
    private let changed: @Sendable (UdevDevice) async -> Void

    /// A service keeping `present` current and telling `changed`.
    public init(present: PresentDevices, logger: Logger, changed: @escaping @Sendable (UdevDevice) async -> Void) {
        self.present = present
        self.logger = logger
        self.changed = changed
    }

    public func run() async throws {
        let events: AsyncStream<UdevDevice>
        do {
            // The monitor first, so nothing plugged in between the two is missed.
            events = try UdevMonitor(subsystems: PresentDevices.subsystems).events()
            present.replace(with: try UdevEnumerator(subsystems: PresentDevices.subsystems).devices())
        } catch {
            logger.warning("no udev: devices are found by retrying their paths", metadata: ["error": "\(error)"])
            try? await gracefulShutdown()
            return
        }
        logger.info("udev: following devices", metadata: ["present": "\(present.list().map(\.name))"])
        await cancelWhenGracefulShutdown {
            for await event in events {
                let matched = self.present.apply(event)
                if let node = event.devNode {
                    self.logger.info("udev event", metadata: [
                        "action": "\(event.action?.rawValue ?? "?")", "node": "\(node)", "model": "\(matched?.profile ?? "-")",
                    ])
                }
                await self.changed(event)
            }
        }
    }
}
