import WorkflowProtocol

/// Small helpers for byte and text checks in the protocol tests.
enum WireText {
    /// The UTF-8 bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `bytes` as text (the tests only decode what they know is UTF-8).
    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The texts of the frames among `events`, in order.
    static func frames(_ events: [FrameEvent]) -> [String] {
        events.compactMap { event in
            if case .frame(let bytes) = event { string(bytes) } else { nil }
        }
    }

    /// The refusal of `json` as a frame, or nil when it is a valid message.
    static func refusal(_ json: String) -> RPCInvalidMessage? {
        refusal(bytes: bytes(json))
    }

    /// The refusal of `bytes` as a frame, or nil when they are a valid message.
    static func refusal(bytes: [UInt8]) -> RPCInvalidMessage? {
        do {
            _ = try RPCMessage(frame: bytes)
            return nil
        } catch {
            return error
        }
    }

    /// `value` in the wire form, as text.
    static func json(_ value: some Encodable) throws -> String {
        try WireJSON.string(value)
    }
}
