import Foundation
import Logging
import QueueCore
import QueueService
import Store

/// Turns a printer's health changes into what the office keeps: a `device.fault` / `device.recovered`
/// event (displays, the outbox, the workflow core) and an incident with its start and end (seed Đ5.10).
struct PrinterFaultRecorder: Sendable {
    let engine: QueueEngine
    let store: QueueStore
    let logger: Logger

    /// The incidents still open for each device, from before a restart too.
    func openIncidents() -> [String: Incident] {
        do {
            var open: [String: Incident] = [:]
            for incident in try store.incidents() where incident.endedAt == nil && incident.kind == .hardware {
                if let device = incident.device, open[device] == nil { open[device] = incident }
            }
            return open
        } catch {
            logger.error("cannot read the open incidents", metadata: ["error": "\(error)"])
            return [:]
        }
    }

    /// Records that `queue` stopped printing; returns the incident opened.
    func fault(_ queue: String, reason: String) async -> Incident? {
        logger.warning("printer fault", metadata: ["printer": "\(queue)", "reason": "\(reason)"])
        do {
            _ = try await engine.perform(.recordDevice(device: queue, kind: "printer", change: .fault(reason)))
        } catch {
            logger.error("cannot record the printer's fault event", metadata: ["printer": "\(queue)", "error": "\(error)"])
        }
        let incident = Incident(kind: .hardware, device: queue, cause: "Máy in \(queue): \(reason)", startedAt: engine.now())
        do {
            try store.record(incident)
            return incident
        } catch {
            logger.error("cannot record the printer's incident", metadata: ["printer": "\(queue)", "error": "\(error)"])
            return nil
        }
    }

    /// Records that `queue` prints again, ending `incident`.
    func recovered(_ queue: String, ending incident: Incident?) async {
        logger.notice("printer recovered", metadata: ["printer": "\(queue)"])
        do {
            _ = try await engine.perform(.recordDevice(device: queue, kind: "printer", change: .recovered))
        } catch {
            logger.error("cannot record the printer's recovery event", metadata: ["printer": "\(queue)", "error": "\(error)"])
        }
        guard let incident else { return }
        do {
            try store.endIncident(id: incident.id, at: engine.now())
        } catch {
            logger.error("cannot end the printer's incident", metadata: ["printer": "\(queue)", "error": "\(error)"])
        }
    }
}
