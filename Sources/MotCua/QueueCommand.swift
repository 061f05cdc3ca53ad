import NIOHTTP1
import ArgumentParser

/// `motcua queue`: every waiting ticket by number, and what each counter serves.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Hàng chờ hiện tại (what waits, what each counter does).")

    @OptionGroup var control: ControlOptions

    func run() async throws {
        let client = control.client()
        let answer = try await client.call(HTTPMethod.GET, "/api/v1/queue")
        client.show(answer) {
            let o = answer.object
            var lines = ["Ngày \(o["day"] ?? "?") (\(Format.phase(o["phase"])))"]
            for s in o["services"] as? [[String: Any]] ?? [] {
                let numbers = (s["tickets"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
                lines.append("\(s["code"] ?? "") \(s["name"] ?? ""): \(s["waiting"] ?? 0) chờ\(numbers.isEmpty ? "" : " — " + numbers.joined(separator: " "))")
            }
            for c in o["counters"] as? [[String: Any]] ?? [] {
                let services = (c["services"] as? [String] ?? []).joined(separator: ",")
                lines.append("Quầy \(c["id"] ?? "?") (\(Format.counterState(c["state"]))), dịch vụ \(services): \(Format.ticket(c["current"]))")
            }
            return lines.joined(separator: "\n")
        }
    }
}
