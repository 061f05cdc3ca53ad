import Logging
import ServiceLifecycle

/// Opens and closes the office day on time, even when nobody takes a ticket or presses a button.
public struct DayClock: Service {
    private let engine: QueueEngine
    private let interval: Duration
    private let logger: Logger

    /// - Parameter interval: how often to look at the clock.
    public init(engine: QueueEngine, interval: Duration = .seconds(5), logger: Logger = Logger(label: "motcua.day")) {
        self.engine = engine
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await engine.tick()
                } catch {
                    logger.error("could not advance the day", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
