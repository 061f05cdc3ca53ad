import Foundation
import Serial
#if canImport(Glibc)
import Glibc
#endif

/// An input device (`/dev/input/event*`, through its stable link) opened and grabbed, so that what a
/// scanner types goes to motcua alone and never into whatever window has the focus.
///
/// Reading happens on a thread of its own (``PollingThread``).
public final class EvdevDevice: Sendable {
    /// The configured path.
    public let path: String
    private let descriptor: Int32

    /// `EVIOCGRAB`: `_IOW('E', 0x90, int)` in `<linux/input.h>`, which Swift does not import.
    private static let grabRequest: UInt = 0x4004_4590
    /// `sizeof(struct input_event)` on 64-bit Linux: a 16-byte time, then type, code and value.
    static let eventSize = 24

    /// Opens `path` for reading and grabs it.
    public init(path: String) throws(EvdevDeviceError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw EvdevDeviceError(path: path, step: .open, reason: Self.systemError()) }
        guard ioctl(fd, Self.grabRequest, Int32(1)) == 0 else {
            let reason = Self.systemError()
            close(fd)
            throw EvdevDeviceError(path: path, step: .grab, reason: "\(reason): có chương trình khác đang giữ thiết bị? (another program holds it?)")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// The device's events until it goes away (the stream then throws ``EvdevDeviceError`` with `read`) or
    /// the consumer stops listening.
    public func events() -> AsyncThrowingStream<InputEvent, any Error> {
        PollingThread.stream(name: "evdev \(path)") { try self.read(waiting: 200) }
    }

    /// Reads what is there within `milliseconds`: events, an empty array on timeout; throws when the
    /// device is gone.
    func read(waiting milliseconds: Int32) throws(EvdevDeviceError) -> [InputEvent] {
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let polled = poll(&ready, 1, milliseconds)
        if polled < 0 {
            if errno == EINTR { return [] }
            throw EvdevDeviceError(path: path, step: .read, reason: Self.systemError())
        }
        guard polled > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: Self.eventSize * 64)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EAGAIN || errno == EINTR { return [] }
            throw EvdevDeviceError(path: path, step: .read, reason: Self.systemError())
        }
        if count == 0 {
            throw EvdevDeviceError.wentAway(path)
        }
        return Self.decode(buffer[..<count])
    }

    /// Whole `input_event` records in `bytes` (little-endian, as the kernel writes them here).
    static func decode(_ bytes: ArraySlice<UInt8>) -> [InputEvent] {
        var events: [InputEvent] = []
        var offset = bytes.startIndex
        while offset + eventSize <= bytes.endIndex {
            func u16(_ at: Int) -> UInt16 { UInt16(bytes[offset + at]) | UInt16(bytes[offset + at + 1]) << 8 }
            let raw = UInt32(u16(20)) | UInt32(u16(22)) << 16
            events.append(InputEvent(type: u16(16), code: u16(18), value: Int32(bitPattern: raw)))
            offset += eventSize
        }
        return events
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
