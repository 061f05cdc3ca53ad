import Foundation

/// A long-running helper (cupsd, socat, ippeveprinter) started with posix_spawn.
///
/// Not Foundation's `Process`: a child spawned from one of Dispatch's threads inherits that thread's signal
/// mask, with SIGTERM blocked, so it would ignore a polite stop. Here the child starts with no blocked
/// signals and default handlers, and its output goes to a log file.
public final class SpawnedProcess {
    /// The child's process id.
    public let processIdentifier: pid_t

    /// Starts `executable` with `arguments`, the test's environment with `environment` over it, stdin from
    /// /dev/null and stdout and stderr appended to `log`.
    public init(_ executable: String, _ arguments: [String], log: URL, environment: [String: String] = [:]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the test process goes with it. Foundation's `Process` learns that a child ended when
        // the child's end of a socket pair closes; a helper spawned while another test starts a daemon would
        // inherit that end and keep it open for its whole life, and the daemon's end would go unnoticed
        // ("did not stop within 30 s" for a daemon that had long exited).
        guard let closeFrom = Self.closeFrom else { throw TestFailure("glibc has no posix_spawn_file_actions_addclosefrom_np (2.34 or later is needed)") }
        _ = closeFrom(&actions, 3)

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
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw TestFailure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        processIdentifier = pid
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not import.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// The exit status once reaped: the code it exited with, or 128 + the signal that ended it.
    private var status: Int32?

    /// Whether the child has ended (reaping it if so).
    public var hasEnded: Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        let result = waitpid(processIdentifier, &raw, WNOHANG)
        if result == processIdentifier {
            // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
            status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
            return true
        }
        return result == -1 && errno == ECHILD
    }

    /// Waits for the child to end by itself and returns its exit status (128 + signal when a signal ended
    /// it); nil when it is still running after `limit` (it is then killed).
    public func exitStatus(within limit: Duration) async -> Int32? {
        guard await waitForEnd(within: limit) else {
            kill(processIdentifier, SIGKILL)
            _ = await waitForEnd(within: .seconds(2))
            return nil
        }
        return status ?? -1
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
