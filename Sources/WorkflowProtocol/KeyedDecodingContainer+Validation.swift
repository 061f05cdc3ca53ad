extension KeyedDecodingContainer {
    /// A string member that must not be empty.
    func decodeNonEmpty(_ type: String.Type, forKey key: Key) throws -> String {
        let value = try decode(type, forKey: key)
        guard !value.isEmpty else { throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must not be empty") }
        return value
    }

    /// An optional string member that, when present, must not be empty.
    func decodeNonEmptyIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = try decodeIfPresent(type, forKey: key) else { return nil }
        guard !value.isEmpty else { throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must not be empty") }
        return value
    }

    /// An integer member within `range`.
    func decode<T: FixedWidthInteger & Decodable>(_ type: T.Type, forKey key: Key, in range: ClosedRange<T>) throws -> T {
        let value = try decode(type, forKey: key)
        guard range.contains(value) else { throw Self.outOfRange(value, range, key: key, in: self) }
        return value
    }

    /// An optional integer member that, when present, is within `range`.
    func decodeIfPresent<T: FixedWidthInteger & Decodable>(_ type: T.Type, forKey key: Key, in range: ClosedRange<T>) throws -> T? {
        guard let value = try decodeIfPresent(type, forKey: key) else { return nil }
        guard range.contains(value) else { throw Self.outOfRange(value, range, key: key, in: self) }
        return value
    }

    private static func outOfRange<T: FixedWidthInteger>(_ value: T, _ range: ClosedRange<T>, key: Key, in container: Self) -> DecodingError {
        let bounds = range.upperBound == T.max ? "at least \(range.lowerBound)" : "within \(range.lowerBound)...\(range.upperBound)"
        return DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\(value) is out of range: must be \(bounds)")
    }
}
