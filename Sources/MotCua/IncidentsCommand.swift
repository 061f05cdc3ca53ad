import Foundation
import ArgumentParser
import NIOHTTP1

/// `motcua incidents [--since DATE]`: the administrator's incident log (seed Đ5.10).
struct IncidentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents", abstract: "Nhật ký sự cố: phần cứng, phần mềm, điện, mạng (the incident log)."
    )

    @Option(help: "Chỉ những sự cố còn diễn ra vào hoặc sau ngày này, YYYY-MM-DD (only incidents going on at or after this day).")
    var since: String?

    @OptionGroup var control: ControlOptions

    func run() async throws {
        let client = control.client()
        let query = since.map { "?since=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-"])) ?? $0) } ?? ""
        let answer = try await client.call(HTTPMethod.GET, "/api/v1/incidents" + query)
        client.show(answer) {
            let incidents = answer.array
            guard !incidents.isEmpty else { return "Chưa có sự cố nào được ghi nhận." }
            return incidents.map { i in
                let end = (i["ended_at"] as? String) ?? "đang diễn ra"
                let device = (i["device"] as? String).map { " [\($0)]" } ?? ""
                return "\(i["started_at"] ?? "?") → \(end)  \(i["kind"] ?? "?")\(device): \(i["cause"] ?? "")"
            }.joined(separator: "\n")
        }
    }
}
