/// What a ``FrameDecoder`` found in the bytes fed to it, in order.
public enum FrameEvent: Sendable, Hashable {
    /// One complete line: its bytes without the `\n` (and without a `\r` before it), valid UTF-8, not empty.
    case frame([UInt8])
    /// A line grew past the limit. Reported once, as soon as it passes the limit; the rest of the line,
    /// up to its `\n`, is discarded, and decoding resumes with the next line.
    case frameTooLarge(limit: Int)
    /// A complete line that is not valid UTF-8 (`byteCount` bytes, discarded).
    case invalidUTF8(byteCount: Int)
    /// The stream ended inside a line (`byteCount` bytes without a `\n`); see ``FrameDecoder/finish()``.
    case truncated(byteCount: Int)

    /// The refusal to answer (or log) for an event that is not a frame; nil for ``frame(_:)``.
    ///
    /// A line too large is `-32600` and an invalid one `-32700`, answered with a `null` id; a truncated line
    /// is `-32700` and is not answered (the stream has ended).
    public var refusal: RPCInvalidMessage? {
        switch self {
        case .frame: nil
        case .frameTooLarge(let limit): .frameTooLarge(limit: limit)
        case .invalidUTF8: .invalidUTF8
        case .truncated(let count):
            RPCInvalidMessage(.parseError("the stream ended inside a frame (\(count) bytes without a line end)"), expectsReply: false)
        }
    }
}
