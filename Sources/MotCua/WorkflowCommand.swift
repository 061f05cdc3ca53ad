import ArgumentParser

/// `motcua workflow …`: the reference workflow core.
struct WorkflowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflow",
        abstract: "Hệ thống hồ sơ mẫu (the reference workflow core).",
        subcommands: [WorkflowServeCommand.self]
    )
}
