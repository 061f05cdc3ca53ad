import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `close(2)`, out of the way of the class's own names.
private func closeSocket(_ fd: Int32) { _ = close(fd) }

/// A bare HTTP/1.1 client over a TCP socket that reads a response body as it arrives, for
/// Server-Sent Events (the HummingbirdTesting clients wait for the end of a body, which a stream never has).
///
/// Reads block on a thread of their own, never on the concurrency pool, each for at most a short
/// receive timeout, until the caller's condition holds or the deadline passes.
final class StreamingConnection: @unchecked Sendable {
    // @unchecked: one test uses it from one task at a time, and every blocking read runs while that task waits.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// One SSE frame: its fields in order (`id`, `event`, `data`, `retry`, …).
    struct Frame: Sendable {
        let fields: [(name: String, value: String)]
        func field(_ name: String) -> String? { fields.first { $0.name == name }?.value }
        var id: Int64? { field("id").flatMap { Int64($0) } }
    }

    private let fd: Int32
    private var raw: [UInt8] = []
    private var closed = false

    /// Connects to `localhost:port` (whichever of its addresses the server listens on).
    init(port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &list) == 0, let first = list else {
            throw Failure(description: "cannot resolve localhost")
        }
        defer { freeaddrinfo(list) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        var connected: Int32 = -1
        while let info = candidate {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    connected = fd
                    break
                }
                closeSocket(fd)
            }
            candidate = info.pointee.ai_next
        }
        guard connected >= 0 else { throw Failure(description: "cannot connect to localhost:\(port)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(connected, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        fd = connected
    }

    deinit { disconnect() }

    /// Closes the connection.
    func disconnect() {
        guard !closed else { return }
        closed = true
        closeSocket(fd)
    }

    /// Sends a GET request.
    func get(_ path: String, headers: [String: String] = [:]) throws {
        var request = "GET \(path) HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Self.sendFlags) }
            guard n > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += n
        }
    }

    /// The response head (status line and headers), once it has arrived.
    var head: String? {
        guard let end = headEnd else { return nil }
        return String(decoding: raw[..<end], as: UTF8.self)
    }

    /// The body received so far, de-chunked.
    var body: String {
        guard let end = headEnd else { return "" }
        let rest = Array(raw[(end + 4)...])
        guard head?.lowercased().contains("transfer-encoding: chunked") == true else { return String(decoding: rest, as: UTF8.self) }
        var out: [UInt8] = []
        var i = 0
        while let lineEnd = Self.find([13, 10], in: rest, from: i) {
            let sizeText = String(decoding: rest[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
            let start = lineEnd + 2
            guard size > 0, start + size <= rest.count else { break }
            out += rest[start..<(start + size)]
            i = start + size + 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The complete frames received so far (a frame ends with a blank line).
    var frames: [Frame] {
        var frames: [Frame] = []
        var text = body
        while let range = text.range(of: "\n\n") {
            let block = text[..<range.lowerBound]
            text = String(text[range.upperBound...])
            let fields = block.split(separator: "\n").compactMap { line -> (name: String, value: String)? in
                guard !line.hasPrefix(":") else { return nil }
                guard let colon = line.firstIndex(of: ":") else { return (String(line), "") }
                var value = line[line.index(after: colon)...]
                if value.hasPrefix(" ") { value = value.dropFirst() }
                return (String(line[..<colon]), String(value))
            }
            frames.append(Frame(fields: fields))
        }
        return frames
    }

    /// Reads until `done` holds for what has arrived, or `timeout` passes (then throws).
    func read(timeout: Duration = .seconds(10), until done: @escaping @Sendable (StreamingConnection) -> Bool) async throws {
        let result: Result<Void, Failure> = await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                continuation.resume(returning: self.blockingRead(timeout: timeout, until: done))
            }
            thread.start()
        }
        try result.get()
    }

    private func blockingRead(timeout: Duration, until done: (StreamingConnection) -> Bool) -> Result<Void, Failure> {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while !done(self) {
            guard ContinuousClock.now < deadline else {
                return .failure(Failure(description: "timed out; received so far:\n\(String(decoding: raw, as: UTF8.self))"))
            }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                raw += buffer[..<n]
            } else if n == 0 {
                return done(self) ? .success(()) : .failure(Failure(description: "the server closed the stream; received:\n\(String(decoding: raw, as: UTF8.self))"))
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                return .failure(Failure(description: "recv failed: errno \(errno)"))
            }
        }
        return .success(())
    }

    #if canImport(Glibc)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let sendFlags: Int32 = 0
    #endif

    private var headEnd: Int? { Self.find([13, 10, 13, 10], in: raw, from: 0) }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }
}
