import Foundation
import QueueCore
import Workflow
import WorkflowProtocol

/// How the reference workflow core writes dossiers: snake_case keys (the Workflow library's), keys sorted,
/// times as RFC 3339 in Vietnam time with milliseconds (`2026-03-09T09:00:00.000+07:00`).
public enum WorkflowJSON {
    /// The text of `date` in Vietnam time: `2026-03-09T09:00:00.000+07:00`.
    public static func timestamp(_ date: Date) -> String {
        // A formatter per call: ISO8601DateFormatter is not Sendable, and this is not a hot path.
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = OfficeCalendar.vietnam
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// The instant an RFC 3339 text names, with or without a fraction; nil when it is not one.
    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// The UTF-8 JSON of `value` in this form.
    public static func data(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestamp(date))
        }
        return try encoder.encode(value)
    }

    /// `value` as a ``JSONValue`` in this form, for a result on the socket.
    public static func value(_ value: some Encodable) throws -> JSONValue {
        try JSONValue(parsing: Array(data(value)))
    }

    /// Decodes `type` from JSON in this form.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = date(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 time: \(text)")
            }
            return date
        }
        return try decoder.decode(type, from: data)
    }
}
