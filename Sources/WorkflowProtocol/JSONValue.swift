/// Any JSON value: the untyped parts of the protocol (request params before they are checked, results the
/// protocol does not type, the `data` of an event).
///
/// Numbers keep integers exact: a number whose value is an integer that fits `Int64` decodes as ``int(_:)``
/// (`2`, `2.0` and `2e0` alike), any other number as ``double(_:)`` (so does `-0`, to keep its sign).
/// Integers beyond `Int64` become the nearest `Double`. `JSONEncoder` writes a whole `Double` without a
/// fraction (`2.0` as `2`), so `.double(2)` comes back as `.int(2)` after a round trip; the two are different
/// values for `==`. Objects have no key order: they are written with sorted keys (see ``WireJSON``).
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number that is an integer and fits `Int64`, kept exact.
    case int(Int64)
    /// Any other number. Non-finite values cannot be encoded.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])
}
