import Foundation

/// RFC 3339 timestamps with the office's UTC offset, as events and the API carry them
/// (`2026-11-29T08:05:03.120+07:00`).
public enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(
        dateSeparator: .dash, dateTimeSeparator: .standard, timeSeparator: .colon,
        timeZoneSeparator: .colon, includingFractionalSeconds: true, timeZone: OfficeCalendar.vietnam
    )

    /// Formats `date` with millisecond precision and the office's offset.
    public static func format(_ date: Date) -> String {
        date.formatted(style)
    }

    /// Parses an RFC 3339 timestamp with an offset or `Z`, with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        try? style.parse(text)
    }
}
