import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `motcua workflow serve` as a real process, spoken to over its real Unix socket.
@Suite("The reference workflow core as a process", .serialized)
struct WorkflowServeTests {
    static let hello = #"{"jsonrpc":"2.0","id":1,"method":"session.hello","params":{"protocol":1,"site":"e2e","daemon_id":"d-e2e"}}"#

    static func events(_ seqs: ClosedRange<Int>) -> String {
        let list = seqs.map { seq in
            #"{"id":"00000000-0000-4000-8000-\#(String(format: "%012d", seq))","seq":\#(seq),"type":"ticket.issued","at":"2026-04-29T09:00:0\#(seq)+07:00","site":"e2e","data":{"number":"A00\#(seq)"}}"#
        }
        return #"{"jsonrpc":"2.0","id":2,"method":"events.publish","params":{"events":[\#(list.joined(separator: ","))]}}"#
    }

    static let ping = #"{"jsonrpc":"2.0","id":"p","method":"ping","params":{}}"#

    @Test("hello, publish once and again, stats count the duplicates, lookup of a demo dossier is masked")
    func helloPublishLookup() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start(["--demo"])
        let client = try LineSocket(path: core.socketPath)

        let hello = try client.call(Self.hello)
        #expect(hello["result"] as? [String: Int] == ["protocol": 1, "acked_seq": 0])

        let published = try client.call(Self.events(1...3))
        #expect(published["result"] as? [String: Int] == ["acked_seq": 3])
        let resent = try client.call(Self.events(1...3))
        #expect(resent["result"] as? [String: Int] == ["acked_seq": 3])

        let stats = try client.call(#"{"jsonrpc":"2.0","id":3,"method":"events.stats","params":{"daemon_id":"d-e2e"}}"#)
        let counts = stats["result"] as? [String: Int]
        #expect(counts?["duplicates"] == 3)
        #expect(counts?["stored"] == 3)
        #expect(counts?["received"] == 6)
        #expect(counts?["last_seq"] == 3)

        let code = try #require(core.demoCodes().first, "the demo codes are logged at start: \(core.logText())")
        let lookup = try client.call(#"{"jsonrpc":"2.0","id":4,"method":"dossier.lookup","params":{"code":"\#(code)"}}"#)
        let view = try #require(lookup["result"] as? [String: Any], "lookup answered \(lookup)")
        #expect(view["code"] as? String == code)
        #expect(view["status_code"] as? Int == 1)
        #expect(view["procedure"] as? String == "Đăng ký khai sinh")
        let masked = try #require(view["applicant_masked"] as? String)
        #expect(masked != "Nguyễn Văn An" && !masked.isEmpty, "the applicant's name is masked: \(masked)")
        #expect(view["applicant"] == nil, "the full name is never in a lookup")

        let missing = try client.call(#"{"jsonrpc":"2.0","id":5,"method":"dossier.lookup","params":{"code":"000.00.19.H47-260101-9999"}}"#)
        #expect((missing["error"] as? [String: Any])?["code"] as? Int == -32001)
        #expect(try await core.stop() == 0)
    }

    @Test("garbage, a 2 MiB line and a truncated frame are refused without losing the connection or the server")
    func badInput() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start()
        let client = try LineSocket(path: core.socketPath)

        let garbage = try client.call("this is not json {")
        #expect((garbage["error"] as? [String: Any])?["code"] as? Int == -32700)
        #expect(garbage.keys.contains("id") && garbage["id"] is NSNull, "a parse error is answered with a null id")
        #expect(try client.call(Self.ping)["result"] as? [String: Int] == [:], "the connection still answers")

        let huge = try client.call(String(repeating: "x", count: 2 * 1024 * 1024))
        #expect((huge["error"] as? [String: Any])?["code"] as? Int == -32600)
        #expect(huge["id"] is NSNull)
        #expect(try client.call(Self.ping)["result"] as? [String: Int] == [:], "the connection still answers after 2 MiB")

        let array = try client.call(#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#)
        #expect((array["error"] as? [String: Any])?["code"] as? Int == -32600, "batches are refused")

        let cut = try LineSocket(path: core.socketPath)
        try cut.send(Array(#"{"jsonrpc":"2.0","id":9,"method":"pi"#.utf8))
        cut.close()
        try await Task.sleep(for: .milliseconds(100))
        let fresh = try LineSocket(path: core.socketPath)
        #expect(try fresh.call(Self.ping)["result"] as? [String: Int] == [:], "a new connection is served")
        #expect(try client.call(Self.ping)["result"] as? [String: Int] == [:], "and the old one still is")
        #expect(core.isRunning)
        #expect(try await core.stop() == 0)
    }

    @Test("a second core on the same state dir is refused; SIGTERM exits 0 and removes the socket")
    func lifecycle() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start()
        let client = try LineSocket(path: core.socketPath)
        #expect(try client.call(Self.hello)["result"] != nil)

        let second = try DaemonProcess.run(["workflow", "serve", "--state-dir", core.stateDir.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("workflow.lock"), "says why: \(second.stderr)")
        #expect(FileManager.default.fileExists(atPath: core.socketPath), "the refused core left the socket alone")
        #expect(try client.call(Self.ping)["result"] as? [String: Int] == [:], "the first core still answers")

        #expect(try await core.stop(signal: SIGTERM) == 0)
        #expect(!FileManager.default.fileExists(atPath: core.socketPath), "the socket file is removed")
        #expect(client.readToEnd(), "the open connection was closed")
        #expect(core.logText().contains("workflow core stopped"))

        // The lock is free again: a new core starts on the same state dir, over a stale socket file too.
        _ = FileManager.default.createFile(atPath: core.socketPath, contents: Data("stale".utf8))
        try await core.start()
        #expect(try LineSocket(path: core.socketPath).call(Self.ping)["result"] as? [String: Int] == [:])
        #expect(try await core.stop(signal: SIGINT) == 0)
    }
}

/// The real `motcua workflow serve` on a private state directory.
final class WorkflowCoreProcess: @unchecked Sendable {
    // @unchecked: the process handle is only touched from the test that owns it, one call at a time.
    let stateDir: URL
    private var process: Process?
    private let log: URL

    init() throws {
        // Short, under /tmp: a Unix socket path has at most 107 bytes.
        stateDir = URL(fileURLWithPath: "/tmp").appendingPathComponent("mc-wf-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: stateDir, withIntermediateDirectories: true)
        log = stateDir.appendingPathComponent("core.log")
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: stateDir)
    }

    var socketPath: String { stateDir.appendingPathComponent("workflow.sock").path }
    var isRunning: Bool { process?.isRunning ?? false }

    /// Starts the core (with `environment` added to this process's) and waits until its socket accepts a
    /// connection.
    func start(_ extra: [String] = [], environment: [String: String] = [:]) async throws {
        let process = Process()
        process.executableURL = DaemonProcess.binary
        process.arguments = ["workflow", "serve", "--state-dir", stateDir.path] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = process
        // Generous: on a machine busy writing (a build beside the tests), SQLite's fsyncs at start can stall for
        // tens of seconds; a start that never comes still fails, with the log.
        let deadline = Date() + 90
        while Date() < deadline {
            if !process.isRunning {
                throw E2EError("the workflow core exited at start (status \(process.terminationStatus)): \(logText())")
            }
            if let probe = try? LineSocket(path: socketPath) {
                probe.close()
                return
            }
            try await Task.sleep(for: .milliseconds(30))
        }
        throw E2EError("the workflow core did not listen within 90 s: \(logText())")
    }

    /// Sends a signal and waits for the process to end; returns its exit status.
    func stop(signal: Int32 = SIGTERM) async throws -> Int32 {
        guard let process else { return -1 }
        guard let status = try await process.stop(signal: signal) else {
            throw E2EError("the workflow core did not stop within 30 s: \(logText())")
        }
        self.process = nil
        return status
    }

    func logText() -> String {
        (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    /// The demo dossier codes the core logged at start, in status order.
    func demoCodes() -> [String] {
        guard let line = logText().split(separator: "\n").first(where: { $0.contains("demo dossiers ready") }) else { return [] }
        return line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "=" })
            .map(String.init)
            .filter { $0.hasPrefix("000.00.19.H47-") }
    }
}

/// A blocking Unix stream socket client speaking newline-delimited frames, with a 10 s read timeout.
final class LineSocket {
    private let fd: Int32
    private var pending: [UInt8] = []

    convenience init(path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw E2EError("socket(): \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(fd)
            throw E2EError("socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw E2EError("connect(\(path)): \(reason)")
        }
        self.init(descriptor: fd)
    }

    /// Line I/O on an open descriptor (an accepted connection), which it closes when done.
    init(descriptor: Int32, timeout seconds: Int = 10) {
        fd = descriptor
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    private var closed = false

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw E2EError("send(): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    /// The next line, without its `\n`; nil at end of stream.
    func readLine() throws -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return line
            }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return nil }
            guard count > 0 else { throw E2EError("recv(): \(String(cString: strerror(errno)))") }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    /// Sends one line and returns the JSON object of the line answering it.
    func call(_ line: String) throws -> [String: Any] {
        try send(Array((line + "\n").utf8))
        guard let answer = try readLine() else { throw E2EError("the connection closed instead of answering") }
        guard let object = try JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any] else {
            throw E2EError("not a JSON object: \(String(decoding: answer, as: UTF8.self))")
        }
        return object
    }

    /// Whether the peer closes the stream (within the read timeout), with nothing more sent.
    func readToEnd() -> Bool {
        (try? readLine()) == .some(nil)
    }
}
