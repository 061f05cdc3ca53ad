import NIOHTTP1
import ArgumentParser

/// `motcua ticket take SERVICE [--priority GROUP]`.
struct TicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ticket", abstract: "Vé xếp hàng (queue tickets).", subcommands: [Take.self])

    struct Take: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "take", abstract: "Lấy số (take a ticket).")

        @Argument(help: "Mã hoặc số hiệu dịch vụ (service code or id).")
        var service: String
        @Option(help: "Nhóm ưu tiên (priority group), e.g. elderly.")
        var priority: String?
        @OptionGroup var control: ControlOptions

        func run() async throws {
            var body: [String: Any] = ["service": service, "kiosk": "cli"]
            if let priority { body["priority"] = priority }
            let client = control.client()
            let answer = try await client.call(HTTPMethod.POST, "/api/v1/tickets", body: body)
            client.show(answer) {
                let o = answer.object
                var line = "Số \(o["number"] ?? "?") — \(o["service_name"] ?? o["service"] ?? "")"
                line += " — \(o["ahead"] ?? 0) người chờ trước"
                if let wait = o["estimated_wait_s"] as? Int { line += ", ước tính \(Format.minutes(wait))" }
                return line
            }
        }
    }
}
