import NIOHTTP1
import ArgumentParser

/// `motcua counter open|close|pause|next|recall|start|done|no-show|transfer N`.
struct CounterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "counter", abstract: "Thao tác tại quầy (counter actions).")

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case open, close, pause, next, recall, start, done, noShow = "no-show", transfer
    }

    @Argument(help: "open | close | pause | next | recall | start | done | no-show | transfer")
    var action: Action
    @Argument(help: "Số quầy (counter number).")
    var counter: Int
    @Option(help: "Mã hồ sơ đã tiếp nhận (with done).")
    var dossier: String?
    @Option(help: "Đánh giá của công dân 1–5 (with done).")
    var rating: Int?
    @Option(name: .customLong("to-service"), help: "Chuyển sang dịch vụ (with transfer).")
    var toService: String?
    @Option(name: .customLong("to-counter"), help: "Chuyển sang quầy (with transfer).")
    var toCounter: Int?
    @OptionGroup var control: ControlOptions

    func validate() throws {
        guard counter > 0 else { throw ValidationError("counter must be a positive number") }
        if (dossier != nil || rating != nil) && action != .done { throw ValidationError("--dossier and --rating go with done") }
        if action == .transfer && (toService == nil) == (toCounter == nil) {
            throw ValidationError("transfer needs exactly one of --to-service or --to-counter")
        }
        if action != .transfer && (toService != nil || toCounter != nil) { throw ValidationError("--to-service and --to-counter go with transfer") }
    }

    func run() async throws {
        var body: [String: Any]? = nil
        switch action {
        case .done:
            var b: [String: Any] = [:]
            if let dossier { b["dossier"] = dossier }
            if let rating { b["rating"] = rating }
            body = b
        case .transfer:
            body = toService.map { ["service": $0] } ?? ["counter": toCounter!]
        default:
            break
        }
        let client = control.client()
        let answer = try await client.call(HTTPMethod.POST, "/api/v1/counters/\(counter)/\(action.rawValue)", body: body)
        client.show(answer) {
            switch action {
            case .open, .close, .pause:
                return "Quầy \(counter): \(Format.counterState(answer.object["state"]))"
            case .next where answer.status == 204:
                return "Quầy \(counter): không còn ai chờ."
            default:
                return "Quầy \(counter): \(Format.ticket(answer.object))"
            }
        }
    }
}
