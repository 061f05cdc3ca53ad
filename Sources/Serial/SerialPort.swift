import DeviceProfiles
#if canImport(Glibc)
import Glibc
#endif

/// A serial port opened raw (no echo, no line editing, no translation) at a device's speed, data bits,
/// parity and stop bits: an LED board written to, a serial-mode scanner read from. Writes are whole frames
/// or an error; a port whose device went away fails its next write or read, and is closed.
///
/// `@unchecked Sendable`: one owner uses it at a time (a board line's actor, or a scanner's reading thread).
public final class SerialPort: @unchecked Sendable {
    /// The path it was opened at.
    public let path: String
    private var descriptor: Int32

    /// The speeds termios names, by baud.
    private static let speeds: [Int: speed_t] = [
        1200: speed_t(B1200), 2400: speed_t(B2400), 4800: speed_t(B4800), 9600: speed_t(B9600),
        19200: speed_t(B19200), 38400: speed_t(B38400), 57600: speed_t(B57600), 115200: speed_t(B115200),
    ]

    /// Opens and sets up `path` with `settings`, for writing (a board) or reading (a scanner).
    public init(path: String, settings: BoardSerialSettings, reading: Bool = false) throws(SerialPortError) {
        self.path = path
        let fd = open(path, (reading ? O_RDONLY : O_WRONLY) | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw SerialPortError(path: path, step: .open, reason: Self.systemError()) }
        descriptor = fd
        var options = termios()
        guard tcgetattr(fd, &options) == 0 else {
            let reason = Self.systemError()
            close(fd)
            throw SerialPortError(path: path, step: .configure, reason: reason)
        }
        cfmakeraw(&options)
        let speed = Self.speeds[settings.baud] ?? speed_t(B9600)
        cfsetispeed(&options, speed)
        cfsetospeed(&options, speed)
        options.c_cflag &= ~(tcflag_t(CSIZE) | tcflag_t(PARENB) | tcflag_t(PARODD) | tcflag_t(CSTOPB) | tcflag_t(CRTSCTS))
        options.c_cflag |= tcflag_t(settings.dataBits == 7 ? CS7 : CS8) | tcflag_t(CLOCAL) | tcflag_t(CREAD)
        switch settings.parity {
        case .none: break
        case .even: options.c_cflag |= tcflag_t(PARENB)
        case .odd: options.c_cflag |= tcflag_t(PARENB) | tcflag_t(PARODD)
        }
        if settings.stopBits == 2 { options.c_cflag |= tcflag_t(CSTOPB) }
        guard tcsetattr(fd, TCSANOW, &options) == 0 else {
            let reason = Self.systemError()
            close(fd)
            throw SerialPortError(path: path, step: .configure, reason: reason)
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Writes all of `bytes`, waiting up to a second for room; throws (and closes the port) when the device
    /// is gone or does not take them.
    public func write(_ bytes: [UInt8]) throws(SerialPortError) {
        var sent = 0
        var waited = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBufferPointer { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + sent, buffer.count - sent)
            }
            if count > 0 {
                sent += count
                continue
            }
            if count < 0, errno == EAGAIN || errno == EINTR, waited < 100 {
                waited += 1
                usleep(10_000)
                continue
            }
            let reason = count < 0 ? Self.systemError() : "thiết bị không nhận gì trong một giây (the device took nothing for a second)"
            close(descriptor)
            descriptor = -1
            throw SerialPortError(path: path, step: .write, reason: reason)
        }
    }

    /// Reads what arrives within `milliseconds` (empty on timeout); throws (and closes the port) when
    /// the device is gone: a hang-up, or an error from the driver.
    public func read(waiting milliseconds: Int32) throws(SerialPortError) -> [UInt8] {
        guard descriptor >= 0 else { throw SerialPortError(path: path, step: .read, reason: "cổng đã đóng (the port is closed)") }
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let polled = poll(&ready, 1, milliseconds)
        guard polled > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 { return Array(buffer[..<count]) }
        if count < 0, errno == EAGAIN || errno == EINTR { return [] }
        let reason = count < 0 ? Self.systemError() : "thiết bị đã ngắt kết nối (the device hung up)"
        close(descriptor)
        descriptor = -1
        throw SerialPortError(path: path, step: .read, reason: reason)
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
