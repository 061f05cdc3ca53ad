import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock (`flock`) on a file in the workflow core's state directory, so two cores never share
/// its database or its socket. Held until the value is released.
public final class WorkflowStateLock: Sendable {
    private let fd: Int32

    /// Why the lock could not be taken.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, for the operator.
        public let description: String
    }

    /// Takes the lock on `path` (created when missing), or throws saying another core holds it.
    public init(path: String) throws(Failure) {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw Failure(description: "không mở được \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Failure(description: "một workflow core khác đang dùng thư mục này (another workflow core holds \(path))")
        }
        self.fd = fd
    }

    deinit { close(fd) }
}
