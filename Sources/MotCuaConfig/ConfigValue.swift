import Foundation
import QueueCore

/// One single value as read from the file or an environment variable, ready to be checked as its key's type.
struct ConfigValue {
    /// The key's path, as errors name it.
    let key: String
    /// The text; `nil` when the key is absent, null, or set to an empty variable (the default applies).
    let text: String?
    /// The file or the environment variable it came from.
    let source: String
    /// Its line in the file, when known.
    let line: Int?

    /// An error about this value.
    func fail(_ reason: String) -> ConfigError {
        ConfigError(key: key, reason: reason, source: source, line: line)
    }

    /// `reason` with the value as written: `must be …, got "a1"`.
    func fail(must reason: String) -> ConfigError {
        fail("must be \(reason), got \((text ?? "null").debugDescription)")
    }

    /// The value, or an error saying the key is required.
    func required<T>(_ value: T?) throws(ConfigError) -> T {
        guard let value else { throw fail("is required") }
        return value
    }

    /// Non-empty text in Unicode NFC.
    func string() throws(ConfigError) -> String? {
        guard let text else { return nil }
        let normalized = text.precomposedStringWithCanonicalMapping
        if normalized.isEmpty { throw fail("must not be empty (leave the key out, or write null, for the default)") }
        return normalized
    }

    /// Text that passes `check`; `what` describes the expected form in the error.
    func string(_ what: String, where check: (String) -> Bool) throws(ConfigError) -> String? {
        guard let value = try string() else { return nil }
        guard check(value) else { throw fail(must: what) }
        return value
    }

    /// A whole number within `range`.
    func int(_ range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw fail(must: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// `true`/`false` (also `yes`/`no`, `on`/`off`, `1`/`0`, in any case).
    func bool() throws(ConfigError) -> Bool? {
        guard let text else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw fail(must: "true or false")
        }
    }

    /// One of `names`.
    func choice(_ names: [String]) throws(ConfigError) -> String? {
        guard let text else { return nil }
        guard names.contains(text) else { throw fail(must: "one of " + names.joined(separator: ", ")) }
        return text
    }

    /// A time of day `HH:MM` on the 24-hour clock.
    func time() throws(ConfigError) -> TimeOfDay? {
        guard let text else { return nil }
        guard let time = TimeOfDay(text) else { throw fail(must: "a time HH:MM on the 24-hour clock") }
        return time
    }
}
