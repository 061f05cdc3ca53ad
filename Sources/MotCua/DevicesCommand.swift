import ArgumentParser
import Foundation
import NIOHTTP1

/// `motcua devices`: what the office has, the profile it is driven with, what it serves and its state.
struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "Thiết bị: máy in, bảng LED, máy quét và trạng thái (the devices and their state)."
    )

    @OptionGroup var control: ControlOptions

    func run() async throws {
        let client = control.client()
        let answer = try await client.call(HTTPMethod.GET, "/api/v1/devices")
        client.show(answer) {
            let devices = answer.array
            guard !devices.isEmpty else { return "Chưa khai báo thiết bị nào (no device is configured)." }
            return devices.map { d in
                let state = switch d["state"] as? String {
                case "ok": "sẵn sàng (ok)"
                case "fault": "lỗi (fault)"
                case "disconnected": "đã ngắt (disconnected)"
                case "not_configured": "đang cắm, chưa có trong cấu hình (plugged in, not configured)"
                default: "chưa theo dõi (not monitored)"
                }
                let role = (d["role"] as? String).map { " — \($0)" } ?? ""
                let detail = (d["detail"] as? String).map { "\n    \($0)" } ?? ""
                return "\(d["kind"] ?? "?") \(d["id"] ?? "?") (\(d["name"] ?? ""))\(role): \(state)\(detail)"
            }.joined(separator: "\n")
        }
    }
}
