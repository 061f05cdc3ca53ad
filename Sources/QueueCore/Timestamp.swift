import Foundation

/// RFC 3339 timestamps with the office's UTC offset, as events and the API carry them
/// (`2026-11-29T08:05:03.120+07:00`).
public enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(
        dateSeparator: .dash, dateTimeSeparator: .standard, timeSeparator: .colon,
        timeZoneSeparator: .colon, includingFractionalSeconds: true, timeZone: OfficeCalendar.vietnam
    )

    private static let secondsStyle = Date.ISO8601FormatStyle(
        dateSeparator: .dash, dateTimeSeparator: .standard, timeSeparator: .colon,
        timeZoneSeparator: .colon, includingFractionalSeconds: false, timeZone: OfficeCalendar.vietnam
    )

    /// Formats `date` with millisecond precision (rounded to the nearest) and the office's offset.
    public static func format(_ date: Date) -> String {
        // The style truncates the fraction, and `parse` turns ".805" into a Date a hair below it, so
        // formatting a parsed timestamp gave ".804". Round to whole milliseconds with integers instead.
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let fraction = String(Int(milliseconds - seconds * 1000))
        let text = Date(timeIntervalSince1970: seconds).formatted(secondsStyle)  // 2026-11-29T08:05:03+07:00
        let end = text.index(text.startIndex, offsetBy: 19)
        return String(text[..<end]) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + String(text[end...])
    }

    /// Parses an RFC 3339 timestamp with an offset or `Z`, with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        // The style alone also takes `2026-1-5T8:0:0` and rolls fields over (31 November → 1 December,
        // 08:61 → 09:01): check the RFC 3339 shape and ranges first.
        guard isRFC3339(Array(text.utf8)) else { return nil }
        return try? style.parse(text)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with a real date and in-range fields.
    private static func isRFC3339(_ b: [UInt8]) -> Bool {
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var value = 0
            for byte in b[at..<at + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func char(_ at: Int, _ c: Unicode.Scalar) -> Bool { at < b.count && b[at] == UInt8(ascii: c) }
        guard let year = digits(0, 4), char(4, "-"), let month = digits(5, 2), char(7, "-"), let day = digits(8, 2),
              char(10, "T"), let hour = digits(11, 2), char(13, ":"), let minute = digits(14, 2), char(16, ":"),
              let second = digits(17, 2), BusinessDay(validYear: year, month: month, day: day) != nil,
              hour < 24, minute < 60, second < 60 else { return false }
        var i = 19
        if char(i, ".") {
            i += 1
            let start = i
            while digits(i, 1) != nil { i += 1 }
            guard i > start else { return false }
        }
        if char(i, "Z") { return i + 1 == b.count }
        guard char(i, "+") || char(i, "-"), let offsetHours = digits(i + 1, 2), char(i + 3, ":"),
              let offsetMinutes = digits(i + 4, 2) else { return false }
        return offsetHours < 24 && offsetMinutes < 60 && i + 6 == b.count
    }
}
