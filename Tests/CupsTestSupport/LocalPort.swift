#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Loopback TCP ports for test servers.
public enum LocalPort {
    /// The ports handed out so far in this process: never twice, since tests running in parallel each
    /// bind theirs a little later, and the kernel may offer a released port again in the meantime.
    private static let handedOut = Mutex<Set<Int>>([])

    /// A port on 127.0.0.1 that the kernel says is free now (bound to port 0, then released), and that
    /// this process has not handed out before.
    ///
    /// Another process may still take it before the caller binds it; a server that can go on without its
    /// port (cupsd) must check that it got it (``PrivateCups`` does).
    public static func free() throws -> Int {
        for _ in 0..<64 {
            let port = try kernelFree()
            if handedOut.withLock({ $0.insert(port).inserted }) { return port }
        }
        throw TestFailure("the kernel kept offering ports this process had already handed out")
    }

    private static func kernelFree() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw TestFailure("bind(127.0.0.1:0) failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port` (connects and closes at once).
    public static func isListening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
