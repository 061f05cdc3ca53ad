import Foundation
import QueueCore
import Testing
import Workflow

@Suite("The holiday table: data, decoding, checks")
struct HolidayTableTests {
    static func day(_ text: String) -> BusinessDay { BusinessDay(text)! }

    @Test("the built-in file loads, is valid, and has nothing to warn about")
    func builtIn() {
        let table = Fixture.holidays
        #expect(table.warnings.isEmpty, "\(table.warnings)")
        #expect(table.years.map(\.year) == [2025, 2026, 2027])
        #expect(table.years.map(\.status) == [.confirmed, .confirmed, .projected])
        #expect(table.daysOff.allSatisfy { $0.source != nil || $0.note != nil })
        #expect(table.compensatingWorkingDays.map(\.date.description) == ["2025-04-26", "2026-01-10", "2026-08-22"])
        #expect(table.covers(Self.day("2027-12-31")) && !table.covers(Self.day("2028-01-03")) && !table.covers(Self.day("2024-12-31")))
    }

    @Test("each year has the eleven Labor Code holidays (1/1, Tết ×5, 10/3 lunar, 30/4, 1/5, 2/9 and one more)",
          arguments: [2025, 2026, 2027])
    func elevenHolidays(year: Int) {
        let holidays = Fixture.holidays.daysOff.filter { $0.date.year == year && $0.kind == .holiday }
        #expect(holidays.count == 11)
        #expect(holidays.filter { $0.name.hasPrefix("Tết Nguyên đán") }.count == 5)
        for fixed in ["\(year)-01-01", "\(year)-04-30", "\(year)-05-01", "\(year)-09-02"] {
            #expect(Fixture.holidays.entry(on: Self.day(fixed))?.kind == .holiday, "\(fixed)")
        }
    }

    @Test("every swapped day off is paid for by a compensating Saturday, every weekend holiday by a day off")
    func pairs() {
        let table = Fixture.holidays
        let swaps = table.daysOff.filter { $0.kind == .swap }.map(\.date)
        #expect(Set(table.compensatingWorkingDays.compactMap(\.replaces)) == Set(swaps))
        let weekendHolidays = table.daysOff.filter { $0.kind == .holiday && ["Sun", "Sat"].contains(Self.weekday($0.date)) }
        #expect(weekendHolidays.map(\.date.description) == ["2026-04-26", "2027-02-06", "2027-02-07", "2027-05-01"])
        #expect(weekendHolidays.allSatisfy { $0.compensatedBy.map { table.entry(on: $0)?.kind == .compensatory } == true })
    }

    static func weekday(_ day: BusinessDay) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = OfficeCalendar.vietnam
        formatter.dateFormat = "EEE"
        return formatter.string(from: day.date(at: TimeOfDay("12:00")!, in: OfficeCalendar.vietnam))
    }

    @Test("the confirmed days of 2025 and 2026", arguments: [
        ("2025-01-27", true), ("2025-01-31", true), ("2025-02-03", false), ("2025-04-07", true), ("2025-05-02", true),
        ("2025-09-01", true), ("2025-09-02", true), ("2025-09-03", false),
        ("2026-01-02", true), ("2026-02-16", true), ("2026-02-20", true), ("2026-02-23", false), ("2026-04-27", true),
        ("2026-08-31", true), ("2026-09-01", true), ("2026-09-03", false), ("2026-11-24", false),
    ])
    func confirmedDays(date: String, off: Bool) {
        #expect(Fixture.holidays.isDayOff(Self.day(date)) == off)
    }

    /// A minimal valid file with the given rows.
    static func file(daysOff: String, working: String = "", years: String = #"[{"year": 2026, "status": "confirmed", "note": ""}]"#) -> Data {
        Data(#"{"format": 1, "years": \#(years), "days_off": [\#(daysOff)], "compensating_working_days": [\#(working)]}"#.utf8)
    }

    @Test("a broken table is refused with the entry named", arguments: [
        (#"{"date": "2026-02-31", "name": "Ngày không có", "kind": "holiday"}"#, "",
         HolidayTableError.Code.badDate, #"days_off[0] 2026-02-31 "Ngày không có""#),
        (#"{"date": "2026-09-02", "name": "Quốc khánh", "kind": "holiday"}, {"date": "2026-09-02", "name": "Lặp lại", "kind": "holiday"}"#, "",
         .duplicateDate, #"days_off[1] 2026-09-02 "Lặp lại""#),
        (#"{"date": "2026-01-02", "name": "Nghỉ hoán đổi", "kind": "swap"}"#, #"{"date": "2026-01-12", "name": "Làm bù thứ Hai"}"#,
         .compensatingDayNotWeekend, #"compensating_working_days[0] 2026-01-12 "Làm bù thứ Hai""#),
        (#"{"date": "2026-01-10", "name": "Cả nghỉ", "kind": "holiday"}"#, #"{"date": "2026-01-10", "name": "lẫn làm"}"#,
         .duplicateDate, #"compensating_working_days[0] 2026-01-10 "lẫn làm""#),
        (#"{"date": "2026-04-26", "name": "Giỗ Tổ", "kind": "holiday", "compensated_by": "2026-04-28"}"#, "",
         .badReference, #"days_off[0] 2026-04-26 "Giỗ Tổ""#),
        (#"{"date": "2026-04-25", "name": "Nghỉ bù thứ Bảy", "kind": "compensatory"}"#, "",
         .dayOffOnWeekend, #"days_off[0] 2026-04-25 "Nghỉ bù thứ Bảy""#),
        (#"{"date": "2026-05-01", "name": "Lao động", "kind": "festival"}"#, "",
         .badKind, #"days_off[0] 2026-05-01 "Lao động""#),
        (#"{"date": "2026-05-01", "name": "Lao động"}"#, "",
         .badKind, #"days_off[0] 2026-05-01 "Lao động""#),
        (#"{"date": "2028-05-01", "name": "Năm chưa khai báo", "kind": "holiday"}"#, "",
         .yearNotListed, #"days_off[0] 2028-05-01 "Năm chưa khai báo""#),
        (#"{"date": "2026-05-01", "name": " ", "kind": "holiday"}"#, "",
         .missingName, #"days_off[0] 2026-05-01 " ""#),
        (#"{"date": "2026-1-1", "name": "Tết Dương lịch", "kind": "holiday"}"#, "",
         .badDate, #"days_off[0] 2026-1-1 "Tết Dương lịch""#),
        (#"{"date": "2026-01-02", "name": "Nghỉ hoán đổi", "kind": "swap"}"#, #"{"date": "2026-01-10", "name": "Làm bù", "replaces": "2026-01-05"}"#,
         .badReference, #"compensating_working_days[0] 2026-01-10 "Làm bù""#),
    ])
    func refused(daysOff: String, working: String, code: HolidayTableError.Code, entry: String) {
        let error = #expect(throws: HolidayTableError.self) { try HolidayTable(json: Self.file(daysOff: daysOff, working: working)) }
        #expect(error?.code == code)
        #expect(error?.entry == entry)
        #expect(error?.message.hasPrefix("Mục \(entry): ") == true, "\(error?.message ?? "")")
    }

    @Test("a file that is not a table is refused", arguments: [
        ("not json", HolidayTableError.Code.badJSON),
        (#"{"format": 2, "days_off": []}"#, .unsupportedFormat),
        (#"{"format": 1, "days_off": [{"name": "thiếu ngày", "kind": "holiday"}]}"#, .badJSON),
        (#"{"format": 1, "years": [{"year": 2026, "status": "maybe"}]}"#, .badKind),
        (#"{"format": 1, "years": [{"year": 2026, "status": "confirmed"}, {"year": 2026, "status": "projected"}]}"#, .duplicateYear),
    ])
    func notATable(text: String, code: HolidayTableError.Code) {
        let error = #expect(throws: HolidayTableError.self) { try HolidayTable(json: Data(text.utf8)) }
        #expect(error?.code == code)
        #expect(error?.message.isEmpty == false)
    }

    @Test("a missing field is named by its path")
    func missingFieldPath() {
        let error = #expect(throws: HolidayTableError.self) {
            try HolidayTable(json: Data(#"{"format": 1, "days_off": [{"date": "2026-01-01", "name": "a", "kind": "holiday"}, {"name": "b"}]}"#.utf8))
        }
        #expect(error?.entry == "days_off[1].date")
    }

    @Test("a holiday on a weekend with no day named in its place is flagged, not refused")
    func weekendHolidayFlagged() throws {
        let table = try HolidayTable(json: Self.file(daysOff: #"{"date": "2026-04-26", "name": "Giỗ Tổ Hùng Vương", "kind": "holiday"}"#))
        #expect(table.warnings.map(\.code) == ["holiday_on_weekend"])
        #expect(table.warnings.first?.entry == #"days_off[0] 2026-04-26 "Giỗ Tổ Hùng Vương""#)
        #expect(table.warnings.first?.message.contains("Chủ nhật") == true)
        #expect(table.isDayOff(Self.day("2026-04-26")))
    }

    @Test("the typed initialiser checks the same way")
    func typed() {
        let entries = [
            HolidayEntry(date: Self.day("2026-09-02"), name: "Quốc khánh", kind: .holiday),
            HolidayEntry(date: Self.day("2026-09-02"), name: "Quốc khánh", kind: .holiday),
        ]
        let error = #expect(throws: HolidayTableError.self) { try HolidayTable(daysOff: entries, compensatingWorkingDays: []) }
        #expect(error?.code == .duplicateDate)
        #expect(throws: HolidayTableError.self) {
            try HolidayTable(daysOff: [HolidayEntry(date: Self.day("2026-09-05"), name: "Làm bù", kind: .workingDay)], compensatingWorkingDays: [])
        }
    }
}
