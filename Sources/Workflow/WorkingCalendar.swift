import Foundation
import QueueCore

/// The office's working time: the shifts of a weekday (default 07:30–11:30 and 13:30–17:30, Monday to Friday),
/// Saturday's shifts (none by default), and the yearly table of days off and compensating working days.
/// Appointment dates and "time left" are counted over it (`WorkingCalendar+Arithmetic.swift`).
public struct WorkingCalendar: Sendable {
    /// The shifts of Monday to Friday, and of a compensating working day, in order.
    public let shifts: [TimeWindow]
    /// The shifts of an ordinary Saturday, in order; empty when Saturday is a day off (the default).
    public let saturdayShifts: [TimeWindow]
    /// Days off and compensating working days.
    public let holidays: HolidayTable
    /// Working hours that make one working day (8): N working days = N × this many hours.
    public let hoursPerDay: Int
    /// The office's time zone (Asia/Ho_Chi_Minh).
    public let timeZone: TimeZone

    /// 07:30–11:30 and 13:30–17:30.
    public static let defaultShifts: [TimeWindow] = [TimeWindow("07:30-11:30")!, TimeWindow("13:30-17:30")!]

    /// A calendar; throws when there is no weekday shift, when shifts of a day overlap, or when `hoursPerDay`
    /// is not 1 … 24. Shifts may be given in any order.
    public init(
        shifts: [TimeWindow] = WorkingCalendar.defaultShifts,
        saturdayShifts: [TimeWindow] = [],
        holidays: HolidayTable = .empty,
        hoursPerDay: Int = 8,
        timeZone: TimeZone = OfficeCalendar.vietnam
    ) throws(CalendarError) {
        guard !shifts.isEmpty else { throw .noShifts }
        guard (1...24).contains(hoursPerDay) else { throw .badHoursPerDay(hoursPerDay) }
        self.shifts = try Self.ordered(shifts)
        self.saturdayShifts = try Self.ordered(saturdayShifts)
        self.holidays = holidays
        self.hoursPerDay = hoursPerDay
        self.timeZone = timeZone
    }

    /// The default calendar over `holidays`: Monday–Friday, 07:30–11:30 and 13:30–17:30, Saturday off.
    public static func standard(holidays: HolidayTable) -> WorkingCalendar {
        // The default shifts are valid by construction.
        try! WorkingCalendar(holidays: holidays)
    }

    /// The shifts worked on `day`: none on a day off or a Sunday, Saturday's on a Saturday, the weekday shifts
    /// otherwise and on a compensating working day.
    public func shifts(on day: BusinessDay) -> [TimeWindow] {
        if holidays.isDayOff(day) { return [] }
        if holidays.isCompensatingWorkingDay(day) { return shifts }
        switch weekday(of: day) {
        case 1: return []
        case 7: return saturdayShifts
        default: return shifts
        }
    }

    /// Whether any time of `day` is working time.
    public func isWorkingDay(_ day: BusinessDay) -> Bool { !shifts(on: day).isEmpty }

    /// The weekday of `day`: 1 Sunday … 7 Saturday (Gregorian).
    public func weekday(of day: BusinessDay) -> Int {
        day.weekday
    }

    /// The Gregorian calendar in the office's time zone.
    var calendar: Calendar { OfficeCalendar.calendar(timeZone) }

    private static func ordered(_ windows: [TimeWindow]) throws(CalendarError) -> [TimeWindow] {
        let sorted = windows.sorted { $0.start < $1.start }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.start < a.end {
            throw .overlappingShifts(a, b)
        }
        return sorted
    }
}
