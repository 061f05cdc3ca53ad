import Foundation

/// Runs the helper programs the CUPS tests need (lpadmin, cupsdisable, dbus-daemon, avahi-daemon …).
public enum ChildProcess {
    /// Runs `executable` to its end (at most `limit`) and returns its output (stdout and stderr together);
    /// throws with that output when it exits with a non-zero status or does not end in time.
    ///
    /// Started with posix_spawn (``SpawnedProcess``) and reaped with waitpid, its output in a temporary file:
    /// a program that forks a daemon (dbus-daemon `--fork`, avahi-daemon `-D`) leaves the daemon holding
    /// its stdout, so a pipe would not end, and Foundation's `Process` was seen never to reap such a parent
    /// in a test process whose Dispatch threads block SIGCHLD, so the run never ended.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], within limit: Duration = .seconds(60)
    ) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-child-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: file) }
        let child = try SpawnedProcess(executable, arguments, log: file, environment: environment)
        let status = await child.exitStatus(within: limit)
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        guard let status else {
            throw TestFailure("\(executable) \(arguments.joined(separator: " ")) did not end within \(limit): \(text)")
        }
        guard status == 0 else {
            throw TestFailure("\(executable) \(arguments.joined(separator: " ")) exited with status \(status): \(text)")
        }
        return text
    }
}
