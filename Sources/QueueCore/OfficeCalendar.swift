import Foundation

/// The office's calendar and time zone. Vietnam keeps UTC+7 all year, so the fixed offset stands in
/// when the system has no time-zone data.
public enum OfficeCalendar {
    /// Asia/Ho_Chi_Minh.
    public static let vietnam: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    /// A Gregorian calendar in `timeZone`.
    public static func calendar(_ timeZone: TimeZone) -> Calendar {
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
