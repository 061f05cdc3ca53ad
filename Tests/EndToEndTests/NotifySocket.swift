import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A datagram socket standing in for systemd's `NOTIFY_SOCKET`: it collects what the daemon says.
final class NotifySocket: @unchecked Sendable {
    // @unchecked: `fd` is set once in init; `messages` is guarded by `lock`.
    let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var messages: [String] = []

    init() throws {
        path = "/tmp/motcua-notify-\(UUID().uuidString.prefix(8)).sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw E2EError("socket() failed") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw E2EError("bind(\(path)) failed: errno \(errno)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Waits up to `seconds` until a message satisfying `match` has arrived; returns every message so far.
    func wait(seconds: Double = 10, for match: (String) -> Bool) -> [String] {
        let deadline = Date() + seconds
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if lock.withLock({ messages.contains(where: match) }) { break }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                let text = String(decoding: buffer[0..<n], as: UTF8.self)
                lock.withLock { messages.append(text) }
            }
        }
        return lock.withLock { messages }
    }
}
