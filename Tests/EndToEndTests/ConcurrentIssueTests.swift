import Foundation
import Testing

@Suite("Concurrent kiosks against the real daemon", .serialized)
struct ConcurrentIssueTests {
    @Test("200 tickets from 16 concurrent clients over 2 services: numbers unique and contiguous per service")
    func twoHundredTickets() async throws {
        try await OfficeDay.awayFromMidnight()
        let daemon = try DaemonProcess()
        try await daemon.start()

        let answers = try await withThrowingTaskGroup(of: [(Int, String, String)].self) { group in
            for client in 0..<16 {
                group.addTask {
                    var mine: [(Int, String, String)] = []
                    for i in 0..<(200 / 16 + (client < 200 % 16 ? 1 : 0)) {
                        let service = (client + i) % 2 == 0 ? "HT" : "CT"
                        let answer = try await daemon.post("/api/v1/tickets", json: ["service": service, "kiosk": "k\(client)"])
                        mine.append((answer.status, service, answer.object["number"] as? String ?? ""))
                    }
                    return mine
                }
            }
            var all: [(Int, String, String)] = []
            for try await part in group { all += part }
            return all
        }

        #expect(answers.count == 200)
        #expect(answers.allSatisfy { $0.0 == 201 }, "every ticket acknowledged with 201")
        for (service, prefix) in [("HT", "A"), ("CT", "B")] {
            let numbers = answers.filter { $0.1 == service }.map(\.2)
            let expected = (1...numbers.count).map { prefix + String(format: "%03d", $0) }
            #expect(numbers.sorted() == expected, "\(service): unique and contiguous from \(prefix)001")
        }
        // The queue shows all 200 waiting, in the order of their numbers.
        let queue = try await daemon.get("/api/v1/queue").object
        let services = queue["services"] as? [[String: Any]] ?? []
        let waiting = services.flatMap { ($0["tickets"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String } }
        #expect(Set(waiting) == Set(answers.map(\.2)))
        #expect(try await daemon.stop() == 0)
    }
}
