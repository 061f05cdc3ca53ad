import Foundation
import Synchronization

/// A program run to its end, with a time limit: espeak-ng, sox, the sound player.
struct ExternalCommand: Sendable {
    /// The program, by path or by name (looked up in `PATH`).
    var program: String
    var arguments: [String]
    /// Killed (SIGKILL) when it runs longer.
    var timeLimit: Duration
    /// How long it may still run once the caller is cancelled (the daemon stops): long enough for any
    /// phrase to be heard to its end, short enough that a stuck player cannot hold the stop.
    var graceOnCancel: Duration = Self.defaultGrace

    /// The usual ``graceOnCancel``: 12 s, longer than any announcement.
    static let defaultGrace: Duration = .seconds(12)

    /// Runs it; throws with its last line of standard error when it cannot start, exits non-zero or runs
    /// past the time limit. A cancelled caller does not cut it off: it is killed only when it runs
    /// `graceOnCancel` past the cancellation.
    func run() async throws(VoiceError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.resolve(program))
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        // Standard error goes to a file of our own, closed by us once: a Pipe's handles are closed by both
        // Process and their own deinit, and under load that second close can hit a descriptor another
        // thread has just opened (swiftlang/swift#57827).
        let errorsPath = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-cmd-\(UUID().uuidString).err").path
        guard FileManager.default.createFile(atPath: errorsPath, contents: nil), let errors = FileHandle(forWritingAtPath: errorsPath) else {
            throw VoiceError(what: program, reason: "cannot make a file for its messages in \(FileManager.default.temporaryDirectory.path)")
        }
        defer {
            try? errors.close()
            try? FileManager.default.removeItem(atPath: errorsPath)
        }
        process.standardError = errors
        let (ended, ending) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in
            ending.yield()
            ending.finish()
        }
        do {
            try process.run()
        } catch {
            throw VoiceError(what: program, reason: "cannot be started (\(error.localizedDescription)); is it installed? see scripts/ensure-packages.sh")
        }
        let limit = timeLimit
        let pid = process.processIdentifier
        let watchdog = Task.detached {
            try await Task.sleep(for: limit)
            kill(pid, SIGKILL)
        }
        // Waited for in a task of its own, which the caller's cancellation does not reach: the program runs to
        // its end (or its time limit, or its grace after a cancellation) and its status is only read once it
        // has ended.
        let grace = graceOnCancel
        let afterCancel = Mutex<(ended: Bool, killer: Task<Void, any Error>?)>((false, nil))
        await withTaskCancellationHandler {
            await Task.detached { for await _ in ended {} }.value
        } onCancel: {
            afterCancel.withLock { state in
                guard !state.ended else { return }
                state.killer = Task.detached {
                    try await Task.sleep(for: grace)
                    kill(pid, SIGKILL)
                }
            }
        }
        watchdog.cancel()
        let stopped = afterCancel.withLock { state in
            state.ended = true
            state.killer?.cancel()
            return state.killer != nil
        }
        let stderr = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let last = stderr.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            let how = process.terminationReason == .exit
                ? "exit status \(process.terminationStatus)"
                : "killed by signal \(process.terminationStatus)\(process.terminationStatus != SIGKILL ? "" : stopped ? " (still running \(grace) after the stop)" : " (ran past \(limit))")"
            throw VoiceError(what: program, reason: last.isEmpty ? how : "\(how): \(last)")
        }
    }

    /// `program` as a path: itself when it has a slash, else the first match in `PATH`.
    static func resolve(_ program: String) -> String {
        guard !program.contains("/") else { return program }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/\(program)"
    }
}
