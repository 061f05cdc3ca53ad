import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock (`flock`) on a file of the state directory, so that two daemons (or two workflow
/// cores, with `workflow.lock`) never write one database or share one socket. Held until released.
final class StateLock {
    private let fd: Int32

    /// Takes the lock on `file` in `directory`, or fails saying that another process holds it.
    init(directory: String, file: String = "motcua.lock") throws {
        let path = (directory as NSString).appendingPathComponent(file)
        fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DaemonError(message: "không mở được \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw DaemonError(message: "một tiến trình motcua khác đang dùng thư mục \(directory) (another process holds \(path))")
        }
    }

    deinit { close(fd) }
}
