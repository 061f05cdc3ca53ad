extension JSONValue {
    /// Whether the value is `null`.
    public var isNull: Bool { self == .null }

    /// The boolean, or nil for anything else.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { bool } else { nil }
    }

    /// The integer: an ``int(_:)``, or a ``double(_:)`` with an exact `Int64` value; nil for anything else.
    public var intValue: Int64? {
        switch self {
        case .int(let integer): integer
        case .double(let double): Int64(exactly: double)
        default: nil
        }
    }

    /// The number as a `Double` (an ``int(_:)`` converted, to the nearest when it is beyond 2^53); nil for
    /// anything else.
    public var doubleValue: Double? {
        switch self {
        case .int(let integer): Double(integer)
        case .double(let double): double
        default: nil
        }
    }

    /// The string, or nil for anything else.
    public var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    /// The elements of an array, or nil for anything else.
    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { array } else { nil }
    }

    /// The members of an object, or nil for anything else.
    public var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { object } else { nil }
    }

    /// The member `key` of an object; nil when absent or when the value is not an object.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index` of an array; nil when out of range or when the value is not an array.
    public subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// The JSON kind of the value, as error messages name it: "null", "a boolean", "an integer", "a number",
    /// "a string", "an array" or "an object".
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
