import Foundation
import QueueCore
import Workflow
import WorkflowCore
import WorkflowProtocol

/// The human output of the `motcua workflow` client commands, in Vietnamese.
enum WorkflowDossierText {
    /// The dossier a `dossier.*` result holds.
    static func dossier(_ result: JSONValue) throws -> Dossier {
        try WorkflowJSON.decode(Dossier.self, from: Data(try WireJSON.encode(result)))
    }

    /// "Hồ sơ 000.00.19.H47-261129-0001: Đang xử lý, hẹn trả 03/12/2026 16:30".
    static func summary(_ dossier: Dossier) -> String {
        let due = dossier.dueAt.map { "hẹn trả \(time($0))" } ?? "chưa có ngày hẹn trả"
        return "Hồ sơ \(dossier.code): \(dossier.status.vietnamese), \(due)"
    }

    /// The summary, then the dossier's details and history, one per line.
    static func details(_ dossier: Dossier) -> String {
        var lines = [summary(dossier)]
        lines.append("  Thủ tục: \(dossier.procedure)")
        lines.append("  Người nộp: \(dossier.applicant)")
        if let unit = dossier.unit { lines.append("  Đơn vị tiếp nhận: \(unit)") }
        lines.append("  Thời hạn giải quyết: \(dossier.processingDays) ngày làm việc")
        if let received = dossier.receivedAt { lines.append("  Tiếp nhận lúc: \(time(received))") }
        if !dossier.supplementRequests.isEmpty {
            lines.append("  Cần bổ sung: \(dossier.supplementRequests.joined(separator: "; "))")
        }
        if let fee = dossier.feeDue { lines.append("  Phí, lệ phí phải nộp: \(dong(fee))") }
        if let returned = dossier.returnedAt { lines.append("  Trả kết quả lúc: \(time(returned))") }
        lines.append("  Lịch sử:")
        for change in dossier.history {
            let move = change.from.map { "\($0.vietnamese) → \(change.to.vietnamese)" } ?? change.to.vietnamese
            lines.append("    \(time(change.at))  \(move)" + (change.note.map { " (\($0))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// "Sự kiện từ d-1: đã nhận 6, đã lưu 3, trùng 3, seq cuối 3".
    static func stats(_ stats: EventsStatsResult, daemonID: String?) -> String {
        let whose = daemonID.map { "từ \($0)" } ?? "từ mọi daemon"
        return "Sự kiện \(whose): đã nhận \(stats.received), đã lưu \(stats.stored), trùng \(stats.duplicates), seq cuối \(stats.lastSeq)"
    }

    /// `03/12/2026 16:30`, Vietnam time.
    static func time(_ date: Date) -> String {
        let parts = OfficeCalendar.calendar(OfficeCalendar.vietnam).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(pad(parts.day))/\(pad(parts.month))/\(parts.year ?? 0) \(pad(parts.hour)):\(pad(parts.minute))"
    }

    /// `100.000 đồng`.
    static func dong(_ amount: Int) -> String {
        var digits = Array(String(amount.magnitude))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(".", at: index)
            index -= 3
        }
        return (amount < 0 ? "-" : "") + String(digits) + " đồng"
    }
}
