/// Why ``FrameEncoder`` made no frame.
public enum FrameEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message's JSON has `byteCount` bytes, more than the frame limit: split it (fewer events in a
    /// batch) or send less.
    case tooLarge(byteCount: Int, limit: Int)
    /// The message holds what JSON cannot (a NaN or infinite number); `detail` is the encoder's account.
    case unencodable(detail: String)

    /// Stable snake_case code: `frame_too_large` or `unencodable`.
    public var code: String {
        switch self {
        case .tooLarge: "frame_too_large"
        case .unencodable: "unencodable"
        }
    }

    /// A sentence for a log.
    public var description: String {
        switch self {
        case let .tooLarge(byteCount, limit): "message of \(byteCount) bytes exceeds the frame limit of \(limit) bytes"
        case let .unencodable(detail): "message cannot be written as JSON: \(detail)"
        }
    }
}
