import ArgumentParser
import WorkflowProtocol

/// `motcua workflow stats`: how many events the core received, stored and found duplicated
/// (`events.stats`), for one daemon or for all.
struct WorkflowStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Thống kê sự kiện đã nhận (events received, stored, duplicates)."
    )

    @Option(name: .customLong("daemon-id"), help: "Chỉ tính sự kiện của daemon này (one daemon; default: all).")
    var daemonID: String?
    @OptionGroup var options: WorkflowClientOptions

    func run() throws {
        let result = try options.call(EventsStatsParams(daemonID: daemonID))
        try options.show(result) {
            WorkflowDossierText.stats(try result.decode(EventsStatsResult.self), daemonID: daemonID)
        }
    }
}
