import AsyncHTTPClient
import CupsTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTP1

/// The real `motcua` binary, run as a daemon on a private state directory and a free port.
final class DaemonProcess: @unchecked Sendable {
    // @unchecked: the process handle is only touched from the test that owns it, one call at a time.
    let stateDir: URL
    let port: Int
    let configFile: URL
    private var process: Process?
    /// Whether the daemon runs under a launcher (``start(_:environment:launcher:)``).
    private var launched = false
    private let log: URL

    /// The office every end-to-end test runs: open around the clock, two services, two counters.
    static let config = """
        site: {id: e2e, name: "Văn phòng thử nghiệm"}
        day: {opens: "00:00", closes: "24:00"}
        queue: {max_wait_minutes: 0, priority_policy: strict}
        services:
          - {id: 1, code: HT, name: "Hộ tịch", prefix: A}
          - {id: 2, code: CT, name: "Chứng thực", prefix: B}
        counters:
          - {number: 1, services: [HT, CT]}
          - {number: 2, services: [CT]}
        """

    init(config: String = DaemonProcess.config) throws {
        stateDir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: stateDir, withIntermediateDirectories: true)
        configFile = stateDir.appendingPathComponent("motcua.yaml")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        log = stateDir.appendingPathComponent("daemon.log")
        port = try LocalPort.free()
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: stateDir)
    }

    /// The built `motcua` executable, next to the test bundle.
    static var binary: URL {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("motcua"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("motcua"),
            root.appendingPathComponent(".build/debug/motcua"),
        ] where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return root.appendingPathComponent(".build/debug/motcua")
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var controlSocket: String { stateDir.appendingPathComponent("control.sock").path }
    var pid: Int32? { process?.processIdentifier }

    /// Starts the daemon (with `extra` arguments after the usual ones) and waits until `/readyz` answers.
    /// With `launcher` (e.g. `["/usr/bin/umockdev-run", "-d", FILE, "--"]`), the daemon runs under it.
    func start(_ extra: [String] = [], environment: [String: String] = [:], launcher: [String] = []) async throws {
        let process = Process()
        let arguments = ["serve", "--config", configFile.path, "--state-dir", stateDir.path, "--http", "127.0.0.1:\(port)"] + extra
        launched = !launcher.isEmpty
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [Self.binary.path] + arguments
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        // At debug level the log also has the service lifecycle (each service started, asked to stop, finished):
        // a daemon slow to stop then says which service held it.
        process.environment = ProcessInfo.processInfo.environment
            .merging(["MOTCUA_LOG_LEVEL": "debug"]) { _, new in new }
            .merging(environment) { _, new in new }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = process
        // Generous: on a machine busy writing (a build beside the tests), SQLite's fsyncs at start can stall for
        // tens of seconds; a start that never comes still fails, with the log.
        let deadline = Date() + 90
        while Date() < deadline {
            if !process.isRunning {
                throw E2EError("the daemon exited at start (status \(process.terminationStatus)): \(logText())")
            }
            if let answer = try? await send(.GET, "/readyz", body: nil, headers: [], timeout: .milliseconds(500)), answer.status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw E2EError("the daemon did not become ready in 90 s: \(logText())")
    }

    /// Sends a signal and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) async throws -> Int32 {
        guard let process else { return 0 }
        send(signal, to: process)
        let deadline = Date() + 30
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        guard !process.isRunning else { throw await hung(process) }
        self.process = nil
        return process.terminationStatus
    }

    /// Signals the daemon. The launcher (umockdev-run) was started from a thread with SIGTERM blocked and
    /// ignores it: the signal goes to the daemon, its child, and the launcher ends with it.
    private func send(_ signal: Int32, to process: Process) {
        guard launched else {
            kill(process.processIdentifier, signal)
            return
        }
        let children = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/task/\(process.processIdentifier)/children", encoding: .utf8)) ?? ""
        for child in children.split(separator: " ").compactMap({ Int32($0) }) { kill(child, signal) }
    }

    /// A daemon that did not stop: SIGQUIT makes Swift's backtracer write every thread's stack to the log,
    /// and the error carries the log's end (with the service lifecycle, logged at debug level), so a hang
    /// in CI says where it was.
    private func hung(_ process: Process) async -> E2EError {
        send(SIGQUIT, to: process)
        let deadline = Date() + 20
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning {
            send(SIGKILL, to: process)
            kill(process.processIdentifier, SIGKILL)
        }
        self.process = nil
        return E2EError("the daemon did not stop within 30 s; its log ends:\n\(String(logText().suffix(30_000)))")
    }

    /// What the daemon logged.
    func logText() -> String {
        (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    /// A JSON answer.
    struct Answer: Sendable {
        let status: Int
        let body: Data
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> Answer {
        try await send(.GET, path, body: nil, headers: headers)
    }

    func post(_ path: String, json: [String: Any]? = nil) async throws -> Answer {
        try await send(.POST, path, body: try json.map { try JSONSerialization.data(withJSONObject: $0) }, headers: [])
    }

    func send(_ method: HTTPMethod, _ path: String, body: Data?, headers: [(String, String)], timeout: TimeAmount = .seconds(10)) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Answer(status: Int(response.status.code), body: Data(buffer.readableBytesView))
    }

    /// Runs `motcua ARGS…` against this daemon's control socket; returns its exit status and output.
    func cli(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Self.run(arguments + ["--control-socket", controlSocket])
    }

    /// Runs `motcua ARGS…`.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runCapturing(binary, arguments)
    }
}

/// A failure of the end-to-end harness itself.
struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `executable` with `arguments` (and `environment` over the test's) to its end; its exit status and
/// what it wrote.
func runCapturing(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:]
) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}
