import Foundation
import Serial
import Synchronization

/// A serial-mode scanner's port read as lines: each code ends with CR, LF or both; a line is trimmed,
/// NFC, and dropped when empty or longer than ``ScanLineDecoder/maximumLength``. Read on a thread of its
/// own (``PollingThread``).
public struct SerialLines: Sendable {
    /// The open port.
    public let port: SerialPort

    /// Lines from `port`.
    public init(port: SerialPort) {
        self.port = port
    }

    /// The lines until the port fails (the stream then throws ``SerialPortError``) or the consumer stops.
    public func lines() -> AsyncThrowingStream<String, any Error> {
        let port = self.port
        let pending = Mutex<[UInt8]>([])
        return PollingThread.stream(name: "serial \(port.path)") {
            let bytes = try port.read(waiting: 200)
            return pending.withLock { pending in
                pending += bytes
                return Self.split(&pending)
            }
        }
    }

    /// The complete lines in `pending`, removed from it; what follows the last line end stays.
    static func split(_ pending: inout [UInt8]) -> [String] {
        var lines: [String] = []
        while let end = pending.firstIndex(where: { $0 == 0x0d || $0 == 0x0a }) {
            let bytes = pending[..<end]
            pending.removeSubrange(...end)
            guard bytes.count <= ScanLineDecoder.maximumLength else { continue }
            let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
            if !line.isEmpty { lines.append(line) }
        }
        if pending.count > ScanLineDecoder.maximumLength { pending.removeAll() }
        return lines
    }
}
