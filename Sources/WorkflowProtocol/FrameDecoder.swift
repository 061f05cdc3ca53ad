#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a byte stream into frames: newline-delimited lines of UTF-8 JSON, at most ``limit`` bytes each.
///
/// Feed it the bytes as they arrive, in chunks split anywhere (inside a multi-byte character too); it
/// returns the events completed by each chunk. A line ends at `\n`; a `\r` just before it is stripped, and
/// a line left empty is skipped. A line longer than the limit (counting every byte before the `\n`, a `\r`
/// included) is reported once as ``FrameEvent/frameTooLarge(limit:)`` and dropped up to its `\n`; the
/// decoder never holds more than ``limit`` bytes of a line (``bufferedByteCount``). A line that is not
/// UTF-8 is reported as ``FrameEvent/invalidUTF8(byteCount:)``. Neither stops the decoder: the next line
/// decodes normally. Pure value type, no I/O: wrap it in the transport's reader.
public struct FrameDecoder: Sendable {
    /// The most bytes a line may have before its `\n`.
    public let limit: Int
    /// The bytes of the line not yet ended; never more than `limit`.
    private var partial: [UInt8] = []
    /// Whether the current line went past the limit and is being dropped up to its `\n`.
    public private(set) var isDiscarding = false

    /// The capacity kept between lines; a larger buffer is released once its line is done.
    private static let keptCapacity = 64 * 1024

    /// A decoder with the given line limit (by default the protocol's 1 MiB).
    public init(limit: Int = FrameLimit.bytes) {
        precondition(limit > 0, "a frame limit must be positive")
        self.limit = limit
    }

    /// How many bytes of an unfinished line the decoder holds; at most ``limit``.
    public var bufferedByteCount: Int { partial.count }

    /// Takes the next chunk of the stream and returns what it completed, in order.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [FrameEvent] {
        var events: [FrameEvent] = []
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { chunk in
            feed(chunk: chunk, into: &events)
        }
        if contiguous == nil {
            Array(bytes).withUnsafeBufferPointer { chunk in feed(chunk: chunk, into: &events) }
        }
        return events
    }

    /// Ends the stream: reports a line left without its `\n` as ``FrameEvent/truncated(byteCount:)`` (nil
    /// when there is none, or when it was already reported as too large) and makes the decoder empty again.
    public mutating func finish() -> FrameEvent? {
        defer {
            partial = []
            isDiscarding = false
        }
        var count = partial.count
        if partial.last == UInt8(ascii: "\r") { count -= 1 }
        return isDiscarding || count == 0 ? nil : .truncated(byteCount: count)
    }

    private mutating func feed(chunk: UnsafeBufferPointer<UInt8>, into events: inout [FrameEvent]) {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        while start < chunk.count {
            let newline = Self.newline(in: base, from: start, to: chunk.count)
            let end = newline ?? chunk.count
            let segment = UnsafeBufferPointer(start: base + start, count: end - start)
            start = end + 1
            if isDiscarding {
                // Dropping an oversized line: resume after its line end.
                if newline != nil { isDiscarding = false }
            } else if partial.count + segment.count > limit {
                events.append(.frameTooLarge(limit: limit))
                partial = []
                isDiscarding = newline == nil
            } else if newline == nil {
                append(segment)
            } else if partial.isEmpty {
                complete(Array(segment), into: &events)
            } else {
                append(segment)
                complete(partial, into: &events)
                if partial.capacity > Self.keptCapacity {
                    partial = []
                } else {
                    partial.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    /// Adds bytes to the unfinished line, growing the buffer no further than the limit.
    private mutating func append(_ segment: UnsafeBufferPointer<UInt8>) {
        let needed = partial.count + segment.count
        if needed > partial.capacity {
            partial.reserveCapacity(Swift.min(Swift.max(needed, partial.capacity * 2), limit))
        }
        partial.append(contentsOf: segment)
    }

    /// Reports one ended line: a frame, nothing for an empty line, or invalid UTF-8.
    private func complete(_ line: [UInt8], into events: inout [FrameEvent]) {
        var line = line
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        guard !line.isEmpty else { return }
        if String(validating: line, as: UTF8.self) == nil {
            events.append(.invalidUTF8(byteCount: line.count))
        } else {
            events.append(.frame(line))
        }
    }

    /// The index of the next `\n` in `base[from..<to]`, or nil.
    private static func newline(in base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let found = memchr(base + from, Int32(UInt8(ascii: "\n")), to - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
