import Foundation
import Logging
import QueueCore
import Store

/// The incidents of devices that come and go (LED boards, scanners, keypads): one open incident and one
/// `device.disconnected` per outage, however often the device is retried, and when it is back the incident's
/// end and `device.connected`. An outage still open from before a restart is continued, not doubled.
public actor DeviceOutages {
    private let engine: QueueEngine
    private let store: QueueStore
    private let logger: Logger
    /// The open incident of each device that is away, by device (its configured path).
    private var open: [String: Incident]

    /// Outages for `engine`'s office, continuing the hardware incidents `store` holds open.
    public init(engine: QueueEngine, store: QueueStore, logger: Logger) {
        self.engine = engine
        self.store = store
        self.logger = logger
        let unfinished = (try? store.incidents().filter { $0.endedAt == nil && $0.kind == .hardware }) ?? []
        open = Dictionary(unfinished.compactMap { incident in incident.device.map { ($0, incident) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether `device` is in an outage.
    public func isAway(_ device: String) -> Bool {
        open[device] != nil
    }

    /// `device` (of `kind`: `display_board`, `scanner`, `keypad`) cannot be used: `cause` is what the
    /// administrator reads in the incident log, `reason` the event's. Nothing new while already away.
    public func lost(_ device: String, kind: String, cause: String, reason: String) async {
        guard open[device] == nil else { return }
        logger.warning("device lost", metadata: ["device": "\(device)", "kind": "\(kind)", "reason": "\(reason)"])
        let incident = Incident(kind: .hardware, device: device, cause: cause, startedAt: engine.now())
        open[device] = incident
        await record(device, kind: kind, .disconnected(reason))
        do {
            try store.record(incident)
        } catch {
            logger.error("cannot record the device's incident", metadata: ["device": "\(device)", "error": "\(error)"])
        }
    }

    /// `device` works again: its incident ends and `device.connected` is sent, if it was away.
    public func back(_ device: String, kind: String) async {
        guard let incident = open.removeValue(forKey: device) else { return }
        logger.notice("device back", metadata: ["device": "\(device)", "kind": "\(kind)"])
        await record(device, kind: kind, .connected)
        do {
            try store.endIncident(id: incident.id, at: engine.now())
        } catch {
            logger.error("cannot end the device's incident", metadata: ["device": "\(device)", "error": "\(error)"])
        }
    }

    private func record(_ device: String, kind: String, _ change: DeviceChange) async {
        do {
            _ = try await engine.perform(.recordDevice(device: device, kind: kind, change: change))
        } catch {
            logger.error("cannot record the device's event", metadata: ["device": "\(device)", "error": "\(error)"])
        }
    }
}
