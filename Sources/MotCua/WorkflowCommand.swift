import ArgumentParser

/// `motcua workflow …`: the reference workflow core, and client commands that talk to its socket.
struct WorkflowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflow",
        abstract: "Hệ thống hồ sơ mẫu (the reference workflow core).",
        subcommands: [
            WorkflowServeCommand.self, WorkflowReceiveCommand.self, WorkflowTransitionCommand.self,
            WorkflowGetCommand.self, WorkflowStatsCommand.self,
        ]
    )
}
