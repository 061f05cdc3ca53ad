import AsyncHTTPClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTP1
import Synchronization

// Test-side stand-ins for the workflow core: a Unix socket server the daemon connects to, a core that never
// answers, and line I/O on an accepted connection. (What the link tests read of the daemon is in
// DaemonProcess+Link.swift; of the core, in WorkflowCoreProcess+Inspection.swift.)

/// Runs blocking work (socket reads, accept loops) on a thread of its own, so it does not hold one of the
/// few threads of Swift's cooperative pool while the daemon is being spoken to over HTTP.
func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.start()
    }
}

/// A listening Unix stream socket at `path` (a file that is removed when the listener closes).
final class UnixListener: @unchecked Sendable {
    // @unchecked: `fd` is set once; `close()` is called by the owner after the threads using it are done
    // or, for the silent core, while its accept loop polls with a short timeout and checks `closed`.
    let path: String
    private let fd: Int32
    private let closed = Mutex(false)

    init(path: String) throws {
        self.path = path
        unlink(path)
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw E2EError("socket(): \(String(cString: strerror(errno)))") }
        var address = try Self.address(path)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw E2EError("bind/listen(\(path)): \(reason)")
        }
    }

    deinit { close() }

    static func address(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw E2EError("socket path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    /// The next connection within `timeout` seconds, as a file descriptor; nil when none came or the
    /// listener was closed.
    func accept(timeout: TimeInterval) -> Int32? {
        let deadline = Date() + timeout
        while Date() < deadline {
            if closed.withLock({ $0 }) { return nil }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready > 0 {
                let client = Glibc.accept(fd, nil, nil)
                if client >= 0 { return client }
            }
        }
        return nil
    }

    /// Stops listening and removes the socket file.
    func close() {
        let wasClosed = closed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        Glibc.close(fd)
        unlink(path)
    }
}

/// A hung workflow core: accepts every connection and never reads or answers anything.
///
/// It stands in for a core that hangs (deadlocked, stopped in a debugger, its disk frozen): the real core
/// cannot be made to hang on purpose, and only a socket that accepts and then stays silent shows that the
/// daemon's answer timeout and reconnects keep the queue going.
final class SilentCore: Sendable {
    private let listener: UnixListener
    private let held = Mutex<[Int32]>([])
    private let accepted = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    init(path: String) throws {
        listener = try UnixListener(path: path)
        Thread { [self] in
            while !stopped.load(ordering: .acquiring) {
                guard let client = listener.accept(timeout: 0.2) else { continue }
                held.withLock { $0.append(client) }
                accepted.add(1, ordering: .releasing)
            }
        }.start()
    }

    /// How many connections it has accepted so far.
    var connections: Int { accepted.load(ordering: .acquiring) }

    /// Stops accepting, closes every connection it held and removes the socket file.
    func stop() async throws {
        stopped.store(true, ordering: .releasing)
        try await Task.sleep(for: .milliseconds(300))   // the accept loop polls every 0.1–0.2 s
        listener.close()
        for fd in held.withLock({ fds in defer { fds = [] }; return fds }) { Glibc.close(fd) }
    }
}

/// One accepted connection of a test-side core: blocking line I/O with a read timeout.
final class PeerConnection {
    private let line: LineSocket
    /// The requests the daemon sent that the test read past while waiting for responses.
    private(set) var requests: [[String: Any]] = []

    init(fd: Int32, readTimeout seconds: Int = 10) {
        line = LineSocket(descriptor: fd, timeout: seconds)
    }

    func close() { line.close() }

    func send(_ text: String) throws { try line.send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws { try line.send(bytes) }

    /// The next line, without its `\n`; nil at end of stream. Throws on the read timeout.
    func readLine() throws -> [UInt8]? { try line.readLine() }

    /// The next frame as a JSON object.
    func readObject() throws -> [String: Any] {
        guard let line = try readLine() else { throw E2EError("the daemon closed the connection") }
        guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            throw E2EError("not a JSON object: \(String(decoding: line.prefix(300), as: UTF8.self))")
        }
        return object
    }

    /// The next frame the daemon sends that is a response (no `method`); requests read past are kept in
    /// ``requests``.
    func nextResponse() throws -> [String: Any] {
        while true {
            let object = try readObject()
            if object["method"] == nil { return object }
            requests.append(object)
        }
    }

    /// The next frame that is a request (has a `method`).
    func nextRequest() throws -> [String: Any] {
        let object = try readObject()
        guard object["method"] != nil else { throw E2EError("expected a request from the daemon, got \(object)") }
        requests.append(object)
        return object
    }
}
