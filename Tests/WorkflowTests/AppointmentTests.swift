import Foundation
import QueueCore
import Testing
import Workflow

@Suite("Appointment dates over working hours")
struct AppointmentTests {
    @Test("N working days = N × 8 working hours from the exact receipt, skipping days off, rounded up to 15 minutes",
          arguments: [
            // 1, 2, 5, 15 working days
            ("2026-03-09 09:00", 1, "2026-03-10 09:00"),        // Monday → Tuesday, same time
            ("2026-03-10 16:50", 2, "2026-03-12 17:00"),        // lands at 16:50, rounded up to 17:00
            ("2026-03-09 09:00", 5, "2026-03-16 09:00"),        // a whole week, over the weekend
            ("2026-04-20 08:00", 15, "2026-05-14 08:00"),       // over Giỗ Tổ (nghỉ bù 27/4) and 30/4–1/5
            // across a weekend
            ("2026-03-13 14:00", 1, "2026-03-16 14:00"),        // Friday 3.5 h + Monday 4.5 h
            // across a holiday: Tết Bính Ngọ, 16–20 February 2026, between two weekends
            ("2026-02-13 10:00", 2, "2026-02-24 10:00"),
            // across the 1/1 swap (2/1/2026 off) and into the compensating Saturday 10/1/2026
            ("2025-12-31 15:00", 1, "2026-01-05 15:00"),
            ("2026-01-09 14:00", 1, "2026-01-10 14:00"),        // Friday → the Saturday worked
            ("2026-08-21 14:00", 1, "2026-08-22 14:00"),        // Friday → Saturday 22/8/2026, worked for 31/8
            // receipt outside the shifts
            ("2026-03-11 12:10", 1, "2026-03-12 11:30"),        // lunch break: counts from 13:30, 8 h end at 11:30
            ("2026-03-11 11:30", 1, "2026-03-12 11:30"),        // at the end of the morning shift: the same
            ("2026-03-11 13:45", 1, "2026-03-12 13:45"),
            ("2026-03-11 18:45", 1, "2026-03-12 17:30"),        // after hours: from 07:30 the next day
            ("2026-03-11 06:00", 1, "2026-03-11 17:30"),        // before hours: from 07:30 the same day
            ("2026-03-14 09:00", 1, "2026-03-16 17:30"),        // on a Saturday
            ("2026-04-27 09:00", 1, "2026-04-28 17:30"),        // on the day off for Giỗ Tổ Hùng Vương
            ("2026-02-17 09:00", 1, "2026-02-23 17:30"),        // on mùng 1 Tết
            // rounding
            ("2026-03-12 08:07:23", 1, "2026-03-13 08:15"),
            ("2026-03-12 08:15", 1, "2026-03-13 08:15"),        // already on a quarter: unchanged
            ("2026-03-12 08:00:01", 1, "2026-03-13 08:15"),
            ("2026-03-12 11:29", 1, "2026-03-13 11:30"),
            // 0 days: due at once, within working time
            ("2026-03-12 08:07", 0, "2026-03-12 08:15"),
          ])
    func appointment(received: String, days: Int, due: String) {
        let result = Fixture.calendar.appointment(receivedAt: Fixture.at(received), workingDays: days)
        #expect(Fixture.text(result) == due)
    }

    @Test("without the holiday table, the same receipts fall due sooner")
    func holidaysMatter() {
        #expect(Fixture.text(Fixture.plain.appointment(receivedAt: Fixture.at("2026-02-13 10:00"), workingDays: 2)) == "2026-02-17 10:00")
        // No compensating Saturday without the table either: Friday → Monday.
        #expect(Fixture.text(Fixture.plain.appointment(receivedAt: Fixture.at("2026-01-09 14:00"), workingDays: 1)) == "2026-01-12 14:00")
    }

    @Test("Saturday is configurable: a Saturday morning shift counts")
    func saturday() throws {
        let calendar = try WorkingCalendar(saturdayShifts: [TimeWindow("07:30-11:30")!], holidays: Fixture.holidays)
        #expect(Fixture.text(calendar.appointment(receivedAt: Fixture.at("2026-03-13 14:00"), workingDays: 1)) == "2026-03-16 08:00")
        // A holiday on a Saturday is still off: 1/5/2027.
        #expect(calendar.shifts(on: BusinessDay(year: 2027, month: 5, day: 1)).isEmpty)
        #expect(calendar.shifts(on: BusinessDay(year: 2027, month: 5, day: 8)).count == 1)
    }

    @Test("other shifts and day lengths are configuration")
    func otherShifts() throws {
        let calendar = try WorkingCalendar(shifts: [TimeWindow("13:00-17:00")!, TimeWindow("07:00-11:00")!])
        #expect(calendar.shifts.map(\.description) == ["07:00-11:00", "13:00-17:00"])
        #expect(Fixture.text(calendar.appointment(receivedAt: Fixture.at("2026-03-09 12:00"), workingDays: 1)) == "2026-03-10 11:00")
        #expect(throws: CalendarError.noShifts) { try WorkingCalendar(shifts: []) }
        let overlap = #expect(throws: CalendarError.self) {
            try WorkingCalendar(shifts: [TimeWindow("07:30-11:30")!, TimeWindow("11:00-17:00")!])
        }
        #expect(overlap?.code == "overlapping_shifts")
        #expect(throws: CalendarError.badHoursPerDay(0)) { try WorkingCalendar(hoursPerDay: 0) }
    }

    @Test("no working time added: the instant itself inside a shift or at its end, else the next shift's start",
          arguments: [
            ("2026-03-09 17:30", "2026-03-09 17:30"), ("2026-03-09 11:30", "2026-03-09 11:30"),
            ("2026-03-09 10:10", "2026-03-09 10:10"), ("2026-03-09 12:00", "2026-03-09 13:30"),
            ("2026-03-09 17:31", "2026-03-10 07:30"), ("2026-02-13 18:00", "2026-02-23 07:30"),
          ])
    func addingNothing(start: String, expected: String) {
        #expect(Fixture.text(Fixture.calendar.adding(working: 0, to: Fixture.at(start))) == expected)
    }

    @Test("working time between two instants, for the time left", arguments: [
        ("2026-03-13 16:00", "2026-03-16 09:00", 3.0),      // Friday 1.5 h + Monday 1.5 h
        ("2026-03-09 07:30", "2026-03-09 17:30", 8.0),
        ("2026-03-09 11:00", "2026-03-09 14:00", 1.0),      // lunch does not count
        ("2026-02-14 00:00", "2026-02-23 00:00", 0.0),      // Tết and two weekends
        ("2026-03-16 09:00", "2026-03-13 16:00", -3.0),     // the other way round: negative
        ("2026-03-09 09:00", "2026-03-09 09:00", 0.0),
    ])
    func workingTime(from: String, to: String, hours: Double) {
        #expect(Fixture.calendar.workingSeconds(from: Fixture.at(from), to: Fixture.at(to)) == hours * 3600)
    }

    @Test("adding working time and measuring it agree", arguments: [0, 1, 7, 8, 9, 16, 40, 120])
    func inverse(hours: Int) {
        let start = Fixture.at("2026-02-12 10:20")
        let end = Fixture.calendar.adding(working: TimeInterval(hours * 3600), to: start)
        #expect(Fixture.calendar.workingSeconds(from: start, to: end) == TimeInterval(hours * 3600))
    }

    @Test("working time and days off", arguments: [
        ("2026-03-09 09:00", true), ("2026-03-09 12:00", false), ("2026-03-09 17:30", false),
        ("2026-03-14 09:00", false), ("2026-01-10 09:00", true), ("2026-09-02 09:00", false), ("2026-08-31 09:00", false),
    ])
    func isWorkingTime(instant: String, working: Bool) {
        #expect(Fixture.calendar.isWorkingTime(Fixture.at(instant)) == working)
    }
}
