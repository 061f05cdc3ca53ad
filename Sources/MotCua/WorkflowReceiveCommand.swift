import ArgumentParser
import QueueCore
import WorkflowCore
import WorkflowProtocol

/// `motcua workflow receive`: receives a dossier at the reference core (`dossier.receive`), now or, for a
/// dossier received by hand during an outage, at `--received-at` (within the last 7 days).
struct WorkflowReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive", abstract: "Tiếp nhận hồ sơ (receive a dossier; status 2, appointment computed)."
    )

    @Option(help: "Tên thủ tục hành chính (the procedure).")
    var procedure: String
    @Option(help: "Họ tên người nộp hồ sơ (the applicant's full name).")
    var applicant: String
    @Option(help: "Đơn vị tiếp nhận (receiving unit; default: the core's).")
    var unit: String?
    @Option(help: "Thời hạn giải quyết, số ngày làm việc (processing days).")
    var days = 1
    @Option(help: "Mã hồ sơ (dossier code; generated when absent).")
    var code: String?
    @Option(name: .customLong("received-at"), help: "Thời điểm tiếp nhận bằng tay, RFC 3339, trong 7 ngày qua (e.g. 2026-11-27T14:07:00+07:00).")
    var receivedAt: String?
    @Flag(name: .customLong("print-receipt"), help: "In giấy tiếp nhận và hẹn trả kết quả ở máy in văn phòng (have the receipt printed by the connected daemon).")
    var printReceipt = false
    @OptionGroup var options: WorkflowClientOptions

    func validate() throws {
        guard days >= 0 else { throw ValidationError("--days phải từ 0 trở lên (must be at least 0), not \(days).") }
        if let code, DossierCode(code) == nil {
            throw ValidationError("Mã hồ sơ \"\(code)\" không đúng dạng (ví dụ: 000.00.19.H47-260105-0001).")
        }
        if let receivedAt, WorkflowJSON.date(receivedAt) == nil {
            throw ValidationError("--received-at \"\(receivedAt)\" không phải thời điểm RFC 3339 (e.g. 2026-11-27T14:07:00+07:00).")
        }
    }

    func run() throws {
        let params = DossierReceiveParams(
            code: code, procedure: procedure, applicant: applicant, unit: unit, processingDays: days, receivedAt: receivedAt,
            printReceipt: printReceipt ? true : nil
        )
        let result = try options.call(params)
        try options.show(result) {
            let dossier = try WorkflowDossierText.dossier(result)
            let receipt = printReceipt ? "\nĐã gửi lệnh in giấy hẹn tới máy in của bộ phận một cửa (receipt sent to the office's printer)." : ""
            return "Đã tiếp nhận. " + WorkflowDossierText.summary(dossier) + receipt
        }
    }
}
