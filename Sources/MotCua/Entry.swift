import ArgumentParser
import Foundation

/// Runs the command line: exit 0 on success, 1 on a refused operation, 2 on a usage error.
@main
enum Entry {
    static func main() async {
        do {
            var command = try MotCua.parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = MotCua.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((MotCua.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            MotCua.exit(withError: error)
        }
    }
}
