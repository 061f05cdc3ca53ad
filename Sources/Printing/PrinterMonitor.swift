import ServiceLifecycle

/// Reads every printer's state from CUPS every few seconds, so a printer out of paper is an incident
/// before the next citizen taps the kiosk, and its recovery ends it. Stops with the daemon.
public struct PrinterMonitor: Service {
    let pool: PrinterPool
    let interval: Duration

    /// Watches `pool`'s printers every `interval`.
    public init(pool: PrinterPool, interval: Duration) {
        self.pool = pool
        self.interval = interval
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await pool.checkAll()
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
            }
        }
    }
}
