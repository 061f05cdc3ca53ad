/// Bytes that print with one TCVN-3 page selected.
public struct TCVN3Run: Sendable, Hashable {
    /// The page to select before the bytes.
    public var page: TCVN3Page
    /// The bytes, printable only (no control bytes unless the input had them).
    public var bytes: [UInt8]

    /// Creates a run.
    public init(page: TCVN3Page, bytes: [UInt8]) {
        self.page = page
        self.bytes = bytes
    }
}
