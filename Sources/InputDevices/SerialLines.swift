import Foundation
import Serial
import Synchronization

/// A serial-mode scanner's port read as lines: each code ends with CR, LF or both; a line is trimmed,
/// NFC, and dropped when empty or longer than ``ScanLineDecoder/maximumLength``. Read on a thread of its
/// own, polling with a short timeout.
public struct SerialLines: Sendable {
    /// The open port.
    public let port: SerialPort

    /// Lines from `port`.
    public init(port: SerialPort) {
        self.port = port
    }

    /// The lines until the port fails (the stream then throws ``SerialPortError``) or the consumer stops.
    public func lines() -> AsyncThrowingStream<String, any Error> {
        let (stream, continuation) = AsyncThrowingStream<String, any Error>.makeStream()
        let reader = LineReader(port: port, continuation: continuation)
        continuation.onTermination = { _ in reader.stop() }
        let thread = Thread { reader.run() }
        thread.name = "serial \(port.path)"
        thread.start()
        return stream
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

/// The loop on the reading thread.
private final class LineReader: Sendable {
    let port: SerialPort
    let continuation: AsyncThrowingStream<String, any Error>.Continuation
    let stopped = Atomic<Bool>(false)

    init(port: SerialPort, continuation: AsyncThrowingStream<String, any Error>.Continuation) {
        self.port = port
        self.continuation = continuation
    }

    func stop() { stopped.store(true, ordering: .relaxed) }

    func run() {
        var pending: [UInt8] = []
        while !stopped.load(ordering: .relaxed) {
            do {
                pending += try port.read(waiting: 200)
            } catch {
                continuation.finish(throwing: error)
                return
            }
            for line in SerialLines.split(&pending) { continuation.yield(line) }
        }
        continuation.finish()
    }
}
