import ArgumentParser

/// `motcua`: the device daemon of a one-stop shop and its control commands.
struct MotCua: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: "Hệ thống xếp hàng và kiosk cho bộ phận một cửa (queue and kiosk daemon for a one-stop shop).",
        subcommands: [
            ServeCommand.self, ConfigCommand.self, TicketCommand.self, CounterCommand.self,
            QueueCommand.self, UserCommand.self, TokenCommand.self, IncidentsCommand.self, LookupCommand.self,
            WorkflowCommand.self, PrintTestCommand.self, DevicesCommand.self, UdevRulesCommand.self, SayCommand.self,
        ]
    )
}
