import ArgumentParser
import Foundation
import NIOHTTP1
import QueueCore

/// `motcua lookup CODE`: a dossier's status as the lookup kiosk shows it (masked), through the daemon.
struct LookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup", abstract: "Tra cứu hồ sơ như ki-ốt tra cứu (look a dossier up, masked, through the daemon)."
    )

    @Argument(help: "Mã hồ sơ, ví dụ 000.00.19.H47-260105-0001 (the dossier code).")
    var code: String

    @OptionGroup var control: ControlOptions

    func run() async throws {
        let client = control.client()
        let path = "/api/v1/dossiers/" + (code.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? code)
        let answer = try await client.call(HTTPMethod.GET, path)
        client.show(answer) {
            let d = answer.object
            var lines = ["Hồ sơ \(d["code"] ?? code): \(d["status"] ?? "?") (mã trạng thái \(d["status_code"] ?? "?"))"]
            lines.append("Thủ tục: \(d["procedure"] ?? "?")")
            lines.append("Người nộp: \(d["applicant_masked"] ?? "?")")
            lines.append("Đơn vị: \(d["unit"] ?? "?")")
            lines.append("Tiếp nhận: \(Self.time(d["received_at"]))")
            if d["due_at"] != nil { lines.append("Hẹn trả: \(Self.time(d["due_at"]))") }
            if d["returned_at"] != nil { lines.append("Đã trả: \(Self.time(d["returned_at"]))") }
            if let supplement = d["supplement"] as? [String], !supplement.isEmpty {
                lines.append("Cần bổ sung: \(supplement.joined(separator: "; "))")
            }
            if let fee = d["fee_due"] as? Int { lines.append("Phí còn phải nộp: \(WorkflowDossierText.dong(fee))") }
            if d["stale"] as? Bool == true {
                lines.append("(Hệ thống hồ sơ đang không trả lời được: thông tin này từ \(Self.time(d["as_of"])).)")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// `03/12/2026 16:30` (Vietnam time) from an RFC 3339 text; the text itself when it is not one.
    private static func time(_ value: Any?) -> String {
        guard let text = value as? String else { return "?" }
        return Timestamp.parse(text).map(WorkflowDossierText.time) ?? text
    }
}
