import Foundation

/// A long-running helper (cupsd, socat, ippeveprinter) started with posix_spawn.
///
/// Not Foundation's `Process`: a child spawned from one of Dispatch's threads inherits that thread's signal
/// mask, with SIGTERM blocked, so it would ignore a polite stop. Here the child starts with no blocked
/// signals and default handlers, and its output goes to a log file.
public final class SpawnedProcess {
    /// The child's process id.
    public let processIdentifier: pid_t

    /// Starts `executable` with `arguments`, the test's environment, stdin from /dev/null and stdout and
    /// stderr appended to `log`.
    public init(_ executable: String, _ arguments: [String], log: URL) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else {
            throw TestFailure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        processIdentifier = pid
    }

    /// Whether the child has ended (reaping it if so).
    public var hasEnded: Bool {
        var status: Int32 = 0
        let result = waitpid(processIdentifier, &status, WNOHANG)
        return result == processIdentifier || (result == -1 && errno == ECHILD)
    }

    /// Sends SIGTERM and waits up to `limit` for the end, then sends SIGKILL.
    public func stop(within limit: Duration = .seconds(5)) async {
        guard !hasEnded else { return }
        kill(processIdentifier, SIGTERM)
        if await waitForEnd(within: limit) { return }
        kill(processIdentifier, SIGKILL)
        _ = await waitForEnd(within: .seconds(2))
    }

    private func waitForEnd(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !hasEnded {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }
}
