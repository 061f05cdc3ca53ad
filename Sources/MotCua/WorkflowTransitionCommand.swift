import ArgumentParser
import QueueCore
import Workflow
import WorkflowProtocol

/// `motcua workflow transition CODE STATUS_CODE`: moves a dossier to another national status
/// (`dossier.transition`); an illegal move is refused by the core and exits 1.
struct WorkflowTransitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transition", abstract: "Chuyển trạng thái hồ sơ (move a dossier to national status 1–10)."
    )

    @Argument(help: "Mã hồ sơ (dossier code).")
    var code: String
    @Argument(help: "Mã trạng thái mới, 1–10 (the national status code: 4 đang xử lý, 9 đã xử lý xong, 10 đã trả kết quả…).")
    var statusCode: Int
    @Option(help: "Ghi chú, lưu vào lịch sử hồ sơ (a note for the history).")
    var note: String?
    @OptionGroup var options: WorkflowClientOptions

    func validate() throws {
        guard DossierCode(code) != nil else {
            throw ValidationError("Mã hồ sơ \"\(code)\" không đúng dạng (ví dụ: 000.00.19.H47-260105-0001).")
        }
        guard DossierStatus(rawValue: statusCode) != nil else {
            throw ValidationError("Mã trạng thái \(statusCode) không hợp lệ: chọn từ 1 đến 10.")
        }
    }

    func run() throws {
        let result = try options.call(DossierTransitionParams(code: code, statusCode: statusCode, note: note))
        try options.show(result) { WorkflowDossierText.summary(try WorkflowDossierText.dossier(result)) }
    }
}
