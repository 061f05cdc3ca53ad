import DeviceProfiles
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Serial
import Testing

/// The serial port on a real pseudo-terminal: the line settings a profile asks for are what the kernel
/// holds, the bytes arrive unchanged, and a port whose other end is gone fails its write with the reason.
@Suite("Serial port")
struct SerialPortTests {
    /// A pseudo-terminal pair: the master (the "board") and the slave's path (the port motcua opens).
    /// Through /dev/ptmx and its ioctls: Swift's Glibc module hides posix_openpt and ptsname.
    static func pseudoTerminal() throws -> (master: Int32, path: String) {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        // TIOCSPTLCK = _IOW('T', 0x31, int), TIOCGPTN = _IOR('T', 0x30, unsigned int), from <asm-generic/ioctls.h>.
        try #require(ioctl(master, 0x4004_5431, &unlock) == 0)
        try #require(ioctl(master, 0x8004_5430, &number) == 0)
        return (master, "/dev/pts/\(number)")
    }

    /// A pseudo-terminal always holds 8 data bits and no parity (the kernel's pty driver resets them), so
    /// only speed, stop bits and raw mode can be read back here; 7-bit and parity lines need a real adapter.
    @Test("a profile's 4800 baud and 2 stop bits are set on the line, raw: bytes 0x00…0xff arrive unchanged")
    func settingsAndBytes() throws {
        let (master, path) = try Self.pseudoTerminal()
        defer { close(master) }
        let port = try SerialPort(path: path, settings: BoardSerialSettings(baud: 4800, dataBits: 8, parity: .none, stopBits: 2))

        let slave = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        try #require(slave >= 0)
        defer { close(slave) }
        var options = termios()
        try #require(tcgetattr(slave, &options) == 0)
        #expect(cfgetospeed(&options) == speed_t(B4800))
        #expect(options.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS8))
        #expect(options.c_cflag & tcflag_t(CSTOPB) != 0)
        #expect(options.c_oflag & tcflag_t(OPOST) == 0, "no output processing: a 0x0a stays 0x0a")
        #expect(options.c_lflag & tcflag_t(ECHO) == 0, "no echo back to the board")

        let bytes = (0...255).map(UInt8.init)
        try port.write(bytes)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        let deadline = Date().addingTimeInterval(5)
        while received.count < bytes.count, Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 { received += buffer[..<count] } else { usleep(10_000) }
        }
        #expect(received == bytes)
    }

    @Test("a port that does not exist is refused at open, with the path and the system's words")
    func missingPort() {
        #expect {
            _ = try SerialPort(path: "/dev/serial/by-id/usb-no-such-board", settings: BoardSerialSettings())
        } throws: { error in
            let failure = error as? SerialPortError
            return failure?.step == .open
                && failure?.description == "/dev/serial/by-id/usb-no-such-board: không mở được (cannot open): No such file or directory"
        }
    }

    @Test("when the other end goes away (the adapter is unplugged) the next write fails and says why")
    func deadLine() throws {
        let (master, path) = try Self.pseudoTerminal()
        let port = try SerialPort(path: path, settings: BoardSerialSettings())
        try port.write([0x02, 0x03])
        close(master)
        #expect {
            try port.write([0x02, 0x03])
        } throws: { error in
            (error as? SerialPortError)?.step == .write && (error as? SerialPortError)?.reason == "Input/output error"
        }
    }
}
