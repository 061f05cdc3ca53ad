import Foundation

/// The office's calendar and time zone. Vietnam keeps UTC+7 all year, so the fixed offset stands in
/// when the system has no time-zone data.
public enum OfficeCalendar {
    /// Asia/Ho_Chi_Minh.
    public static let vietnam: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    /// The Gregorian calendar in Vietnam, made once: the hot paths (issuing a ticket, calling the next)
    /// ask for the day and the time of day several times each.
    private static let vietnamCalendar = makeCalendar(vietnam)

    /// A Gregorian calendar in `timeZone`.
    public static func calendar(_ timeZone: TimeZone) -> Calendar {
        timeZone == vietnam ? vietnamCalendar : makeCalendar(timeZone)
    }

    private static func makeCalendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The time of day of `date` in `timeZone`.
    public static func timeOfDay(_ date: Date, in timeZone: TimeZone) -> TimeOfDay {
        let parts = calendar(timeZone).dateComponents([.hour, .minute], from: date)
        return TimeOfDay(hour: parts.hour!, minute: parts.minute!)!
    }
}
