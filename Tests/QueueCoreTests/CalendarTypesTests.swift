import Foundation
import QueueCore
import Testing

@Suite("Days and times of day")
struct CalendarTypesTests {
    @Test("BusinessDay.date(at:in:) is that wall-clock time in Vietnam (UTC+7)")
    func dateAt() {
        let date = Fixture.monday.date(at: TimeOfDay("08:00")!, in: OfficeCalendar.vietnam)
        #expect(date == Date(timeIntervalSince1970: 1_796_000_400))  // 2026-11-30T01:00:00Z
        #expect(OfficeCalendar.timeOfDay(date, in: OfficeCalendar.vietnam) == TimeOfDay("08:00"))
        #expect(BusinessDay(containing: date, in: OfficeCalendar.vietnam) == Fixture.monday)
    }

    @Test("24:00 of a day is midnight starting the next")
    func endOfDay() throws {
        let end = try #require(TimeOfDay("24:00"))
        #expect(Fixture.monday.date(at: end, in: OfficeCalendar.vietnam) == Fixture.at("00:00", on: Fixture.tuesday))
        let window = try #require(TimeWindow("22:00-24:00"))
        #expect(window.contains(TimeOfDay("23:59")!) && !window.contains(TimeOfDay("21:59")!))
    }

    @Test("the office day changes at midnight in Vietnam, not in UTC")
    func dayBoundary() {
        let lateUTC = Date(timeIntervalSince1970: 1_796_059_800)  // 2026-11-30T17:30:00Z = 00:30 on 1 December
        #expect(BusinessDay(containing: lateUTC, in: OfficeCalendar.vietnam) == Fixture.tuesday)
        #expect(BusinessDay(containing: lateUTC, in: TimeZone(secondsFromGMT: 0)!) == Fixture.monday)
        #expect(BusinessDay(containing: Fixture.at("23:59"), in: OfficeCalendar.vietnam) == Fixture.monday)
    }

    @Test("BusinessDay parses real dates only", arguments: [
        ("2026-11-30", true), ("2028-02-29", true), ("2027-02-29", false), ("2026-04-31", false),
        ("2026-13-01", false), ("2026-11-3", false), ("26-11-30", false), ("2026/11/30", false), ("", false),
    ])
    func businessDayParse(text: String, valid: Bool) {
        let day = BusinessDay(text)
        #expect((day != nil) == valid)
        if let day { #expect(day.description == text) }
    }

    @Test("BusinessDay orders by date and codes as YYYY-MM-DD")
    func businessDayOrderAndCoding() throws {
        #expect(Fixture.monday < Fixture.tuesday)
        #expect(BusinessDay(year: 2026, month: 12, day: 31) < BusinessDay(year: 2027, month: 1, day: 1))
        #expect(BusinessDay(year: 2026, month: 2, day: 1).description == "2026-02-01")
        let data = try JSONEncoder().encode([Fixture.monday])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-11-30\"]")
        #expect(try JSONDecoder().decode([BusinessDay].self, from: data) == [Fixture.monday])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([BusinessDay].self, from: Data("[\"2026-02-30\"]".utf8)) }
    }

    @Test("TimeOfDay parses HH:MM", arguments: [
        ("08:00", 480), ("7:30", 450), ("00:00", 0), ("23:59", 1439), ("24:00", 1440),  // 24:00 ends a day
    ])
    func timeOfDay(text: String, minutes: Int) throws {
        let time = try #require(TimeOfDay(text))
        #expect(time.minutes == minutes)
        #expect(TimeOfDay(time.description) == time)
    }

    @Test("TimeOfDay refuses what is not a time", arguments: ["24:01", "25:00", "08:60", "0800", "8:5", "", "08:00:00", "-1:00", "ab:cd"])
    func timeOfDayRefused(text: String) {
        #expect(TimeOfDay(text) == nil)
    }

    @Test("TimeWindow contains its start, not its end; an empty window does not exist")
    func timeWindow() throws {
        let window = try #require(TimeWindow("07:30-11:00"))
        #expect(window.contains(TimeOfDay("07:30")!))
        #expect(window.contains(TimeOfDay("10:59")!))
        #expect(!window.contains(TimeOfDay("11:00")!))
        #expect(!window.contains(TimeOfDay("07:29")!))
        #expect(window.description == "07:30-11:00")
        #expect(TimeWindow("11:00-07:30") == nil)
        #expect(TimeWindow("11:00-11:00") == nil)
        #expect(TimeWindow("11:00") == nil)
        #expect(TimeWindow(" 13:30 - 16:30 ") == TimeWindow(start: TimeOfDay("13:30")!, end: TimeOfDay("16:30")!))
    }

    @Test("a service issues inside the working day and its windows only")
    func serviceIsIssuing() {
        let hours = TimeWindow("07:00-17:30")!
        let plain = Fixture.services[0]
        let windowed = Fixture.services[1]
        #expect(plain.isIssuing(at: TimeOfDay("07:00")!, workingHours: hours))
        #expect(!plain.isIssuing(at: TimeOfDay("06:59")!, workingHours: hours))
        #expect(!plain.isIssuing(at: TimeOfDay("17:30")!, workingHours: hours))
        #expect(!windowed.isIssuing(at: TimeOfDay("07:15")!, workingHours: hours))
        #expect(windowed.isIssuing(at: TimeOfDay("14:00")!, workingHours: hours))
        // A window reaching past the working day is cut by it.
        let late = Service(id: 9, code: "L", name: "L", prefix: "L", issuingWindows: [TimeWindow("16:00-19:00")!])
        #expect(late.isIssuing(at: TimeOfDay("17:00")!, workingHours: hours))
        #expect(!late.isIssuing(at: TimeOfDay("18:00")!, workingHours: hours))
    }
}

@Suite("Strict digits in times and days")
struct StrictDigitsTests {
    @Test("a sign or a stray character is not a time or a day")
    func noSigns() {
        #expect(TimeOfDay("+8:05") == nil)
        #expect(TimeOfDay("08:+5") == nil)
        #expect(TimeOfDay("8:05") != nil)
        #expect(BusinessDay("2026-+1-05") == nil)
        #expect(BusinessDay("2026-01-05") != nil)
    }
}
