import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on the state directory, so that two daemons never write one database.
final class StateLock {
    private let fd: Int32

    /// Takes the lock, or fails saying that another daemon holds it.
    init(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent("motcua.lock")
        fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DaemonError(message: "không mở được \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw DaemonError(message: "một tiến trình motcua khác đang dùng thư mục \(directory) (another daemon holds \(path))")
        }
    }

    deinit { close(fd) }
}
