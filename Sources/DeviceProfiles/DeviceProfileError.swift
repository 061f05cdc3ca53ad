/// A device profile file the loader refused, naming the file and what was wrong with it.
public struct DeviceProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The folder could not be listed, or a file could not be read.
        case unreadable(String)
        /// The file is not JSON (or not a JSON object).
        case badJSON(String)
        /// A required key is absent; the key path, e.g. `"codePages[1].number"`.
        case missingKey(String)
        /// A key has a value of the wrong type (or null); the key path and the type expected.
        case wrongType(key: String, expected: String)
        /// A value no device of the kind could have; the key and why.
        case impossibleValue(key: String, why: String)
        /// Another file already defines this id.
        case duplicateID(String, firstFile: String)

        public var description: String {
            switch self {
            case .unreadable(let why): "cannot be read: \(why)"
            case .badJSON(let why): "is not valid JSON: \(why)"
            case .missingKey(let key): "has no \"\(key)\""
            case .wrongType(let key, let expected): "\"\(key)\" must be \(expected)"
            case .impossibleValue(let key, let why): "\"\(key)\" is impossible: \(why)"
            case .duplicateID(let id, let first): "repeats id \"\(id)\" already defined in \(first)"
            }
        }
    }

    /// Path of the refused file (or of the folder, when it could not be listed).
    public let file: String
    /// What was wrong.
    public let reason: Reason

    /// Creates an error.
    public init(file: String, reason: Reason, kind: String = "printer") {
        self.file = file
        self.reason = reason
        self.kind = kind
    }

    /// What kind of profile it was (`printer`, `board`), for the message.
    public let kind: String

    public var description: String { "\(kind) profile \(file) \(reason)" }
}

/// The name printer-profile code and tests have always used.
public typealias PrinterProfileError = DeviceProfileError
