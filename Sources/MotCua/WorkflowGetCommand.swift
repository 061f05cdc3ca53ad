import ArgumentParser
import QueueCore
import WorkflowProtocol

/// `motcua workflow get CODE`: the whole dossier, unmasked, with its history (`dossier.get`).
struct WorkflowGetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Xem hồ sơ và lịch sử (show a dossier, unmasked, with its history)."
    )

    @Argument(help: "Mã hồ sơ (dossier code).")
    var code: String
    @OptionGroup var options: WorkflowClientOptions

    func validate() throws {
        guard DossierCode(code) != nil else {
            throw ValidationError("Mã hồ sơ \"\(code)\" không đúng dạng (ví dụ: 000.00.19.H47-260105-0001).")
        }
    }

    func run() throws {
        let result = try options.call(DossierGetParams(code: code))
        try options.show(result) { WorkflowDossierText.details(try WorkflowDossierText.dossier(result)) }
    }
}
