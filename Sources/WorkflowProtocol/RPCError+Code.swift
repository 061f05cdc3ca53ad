extension RPCError {
    /// The code of a JSON-RPC error: the standard ones, the contract's, and any other integer a peer may send
    /// (the set may grow, so this is a struct, not an enum).
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The integer on the wire.
        public let rawValue: Int

        /// A code, known or not.
        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// `-32700`: not JSON.
        public static let parseError = Code(rawValue: -32700)
        /// `-32600`: not a valid JSON-RPC 2.0 message (also: a batch, a frame over the limit).
        public static let invalidRequest = Code(rawValue: -32600)
        /// `-32601`: no such method.
        public static let methodNotFound = Code(rawValue: -32601)
        /// `-32602`: params missing, mistyped or out of range.
        public static let invalidParams = Code(rawValue: -32602)
        /// `-32603`: the receiver failed.
        public static let internalError = Code(rawValue: -32603)
        /// `-32001`: no such dossier (or other thing asked for).
        public static let notFound = Code(rawValue: -32001)
        /// `-32002`: cannot serve now; try later.
        public static let unavailable = Code(rawValue: -32002)
        /// `-32003`: protocol versions differ.
        public static let protocolMismatch = Code(rawValue: -32003)
        /// `-32004`: the reference workflow core refuses a dossier status change.
        public static let illegalTransition = Code(rawValue: -32004)

        /// Every code the protocol names.
        public static let known: [Code] = [
            .parseError, .invalidRequest, .methodNotFound, .invalidParams, .internalError,
            .notFound, .unavailable, .protocolMismatch, .illegalTransition,
        ]

        /// The code's stable snake_case name (`method_not_found`), or nil for a code the protocol does not
        /// name.
        public var name: String? {
            switch rawValue {
            case -32700: "parse_error"
            case -32600: "invalid_request"
            case -32601: "method_not_found"
            case -32602: "invalid_params"
            case -32603: "internal_error"
            case -32001: "not_found"
            case -32002: "unavailable"
            case -32003: "protocol_mismatch"
            case -32004: "illegal_transition"
            default: nil
            }
        }

        /// `-32601 method_not_found`, or the bare integer for an unnamed code.
        public var description: String {
            name.map { "\(rawValue) \($0)" } ?? String(rawValue)
        }

        /// Decodes the bare integer.
        public init(from decoder: any Decoder) throws {
            self.init(rawValue: try decoder.singleValueContainer().decode(Int.self))
        }

        /// Encodes the bare integer.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(rawValue)
        }
    }
}
