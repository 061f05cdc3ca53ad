import Foundation
import Synchronization
import Testing

@Suite("Power cut: SIGKILL in the middle of a burst", .serialized)
struct CrashRecoveryTests {
    @Test("every acknowledged ticket survives kill -9; numbering continues with no duplicate and no gap")
    func killDuringBurst() async throws {
        try await OfficeDay.awayFromMidnight()
        let daemon = try DaemonProcess()
        try await daemon.start()

        let acknowledged = Acknowledged()
        let burst = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in 0..<8 {
                    group.addTask {
                        var i = 0
                        while !Task.isCancelled {
                            let service = (client + i) % 2 == 0 ? "HT" : "CT"
                            i += 1
                            guard let answer = try? await daemon.post("/api/v1/tickets", json: ["service": service]) else { return }
                            if answer.status == 201, let number = answer.object["number"] as? String, let id = answer.object["id"] as? String {
                                acknowledged.tickets.withLock { $0.append((service, number, id)) }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        // Let the burst run until a good number of tickets are acknowledged, then cut the power.
        let deadline = Date() + 30
        while acknowledged.tickets.withLock({ $0.count }) < 300 && Date() < deadline { try await Task.sleep(for: .milliseconds(5)) }
        let status = try await daemon.stop(signal: SIGKILL)
        #expect(status == SIGKILL)
        burst.cancel()
        _ = try? await burst.value
        let acked = acknowledged.tickets.withLock { $0 }
        #expect(acked.count >= 300, "the burst was running when the daemon was killed")

        try await daemon.start()
        // Every acknowledged ticket is there, with the number it was given.
        for ticket in acked {
            let answer = try await daemon.get("/api/v1/tickets/\(ticket.id)")
            #expect(answer.status == 200, "ticket \(ticket.number) acknowledged before the kill is still there")
            #expect(answer.object["number"] as? String == ticket.number)
        }
        // Numbering: what was stored is contiguous from 001, and new tickets continue after it.
        let queue = try await daemon.get("/api/v1/queue").object
        for (service, prefix) in [("HT", "A"), ("CT", "B")] {
            let entry = (queue["services"] as? [[String: Any]] ?? []).first { $0["code"] as? String == service }
            let stored = (entry?["tickets"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }.sorted()
            #expect(stored == (0..<stored.count).map { prefix + String(format: "%03d", $0 + 1) }, "\(service): stored numbers have no gap")
            let ackedHere = Set(acked.filter { $0.service == service }.map(\.number))
            #expect(ackedHere.isSubset(of: Set(stored)))
            let next = try await daemon.post("/api/v1/tickets", json: ["service": service])
            #expect(next.status == 201)
            #expect(next.object["number"] as? String == prefix + String(format: "%03d", stored.count + 1), "\(service) continues after the last stored number")
        }
        // The administrator's incident log has the outage: a power incident, already ended.
        let log = try daemon.cli(["incidents", "--json"])
        #expect(log.status == 0, "\(log.stderr)")
        let incidents = try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(incidents.count == 1, "\(log.stdout)")
        #expect(incidents.first?["kind"] as? String == "power")
        #expect(incidents.first?["ended_at"] is String)
        #expect((incidents.first?["cause"] as? String)?.contains("không tắt đúng cách") == true)
        #expect(try await daemon.stop() == 0)
    }

    @Test("a graceful stop and restart resumes the day exactly: waiting tickets, open counters, the ticket being served")
    func restartResumesTheDay() async throws {
        try await OfficeDay.awayFromMidnight()
        let daemon = try DaemonProcess()
        try await daemon.start()
        for service in ["HT", "HT", "CT"] { #expect(try await daemon.post("/api/v1/tickets", json: ["service": service]).status == 201) }
        #expect(try daemon.cli(["counter", "open", "1"]).status == 0)
        #expect(try daemon.cli(["counter", "next", "1"]).status == 0)
        let before = try await daemon.get("/api/v1/queue").body
        #expect(try await daemon.stop() == 0)
        try await daemon.start()
        let after = try await daemon.get("/api/v1/queue").body
        #expect(String(decoding: after, as: UTF8.self) == String(decoding: before, as: UTF8.self))
        let log = try daemon.cli(["incidents"])
        #expect(log.status == 0)
        #expect(log.stdout.contains("Chưa có sự cố nào"), "a proper stop is no incident: \(log.stdout)")
        #expect(try await daemon.stop() == 0)
    }
}

/// Tickets the daemon acknowledged, shared by the burst's clients.
final class Acknowledged: Sendable {
    let tickets = Mutex<[(service: String, number: String, id: String)]>([])
}
