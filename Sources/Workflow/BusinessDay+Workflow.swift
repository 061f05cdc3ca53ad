import Foundation
import QueueCore

extension BusinessDay {
    /// A Gregorian calendar on UTC: day arithmetic on dates without a time of day.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// Noon UTC of this day, a stable instant for weekday and day arithmetic.
    private var noonUTC: Date {
        Self.utcCalendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }

    /// The day `count` days later (earlier when negative).
    func adding(days count: Int) -> BusinessDay {
        let date = Self.utcCalendar.date(byAdding: .day, value: count, to: noonUTC)!
        let parts = Self.utcCalendar.dateComponents([.year, .month, .day], from: date)
        return BusinessDay(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// 1 Sunday … 7 Saturday.
    var weekday: Int { Self.utcCalendar.component(.weekday, from: noonUTC) }

    /// Saturday or Sunday.
    var isWeekend: Bool { weekday == 1 || weekday == 7 }
}
