import Foundation
import QueueCore

/// The yearly table of days off (holidays, compensatory and swapped days) and compensating working days
/// (a Saturday worked in exchange), as data. Built-in data for 2025–2027 lives in `Calendars/holidays-vn.json`;
/// the caller reads the file and gives its bytes to ``init(json:)``.
public struct HolidayTable: Sendable, Hashable {
    /// The years described, with how sure their days are.
    public let years: [HolidayYear]
    /// Days off, by date.
    public let daysOff: [HolidayEntry]
    /// Compensating working days, by date.
    public let compensatingWorkingDays: [HolidayEntry]
    /// Things to look at in a valid table: holidays on a weekend with no compensatory day named.
    public let warnings: [HolidayTableWarning]

    private let index: [BusinessDay: HolidayEntry]

    /// No holidays at all: every Monday to Friday is worked.
    public static let empty = HolidayTable(checked: [], daysOff: [], workingDays: [], warnings: [])

    /// A table from its rows, checked: no date twice (nor both off and worked); compensating working days on a
    /// Saturday or Sunday; compensatory and swapped days off on a weekday; `compensated_by` naming a
    /// compensatory or swapped day off and `replaces` a swapped one; every row's year among `years` when `years`
    /// is given. A holiday on a weekend without `compensatedBy` is accepted with a warning. Errors name the row
    /// as `days_off[i]` or `compensating_working_days[i]` with its date and name.
    public init(years: [HolidayYear] = [], daysOff: [HolidayEntry], compensatingWorkingDays: [HolidayEntry]) throws(HolidayTableError) {
        var listedYears = Set<Int>()
        for (i, year) in years.enumerated() where !listedYears.insert(year.year).inserted {
            throw HolidayTableError(.duplicateYear, entry: "years[\(i)] \(year.year)", reason: "năm \(year.year) được khai báo hai lần.")
        }
        var seen: [BusinessDay: String] = [:]
        var warnings: [HolidayTableWarning] = []
        let rows = daysOff.enumerated().map { ("days_off", $0.offset, $0.element) }
            + compensatingWorkingDays.enumerated().map { ("compensating_working_days", $0.offset, $0.element) }
        let offByDate = Dictionary(daysOff.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })

        for (list, i, entry) in rows {
            let label = Self.label(list, i, entry.date.description, entry.name)
            if let earlier = seen[entry.date] {
                throw HolidayTableError(.duplicateDate, entry: label, reason: "ngày \(entry.date) đã có ở mục \(earlier).")
            }
            seen[entry.date] = label
            guard !entry.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw HolidayTableError(.missingName, entry: label, reason: "chưa có tên ngày.")
            }
            if !years.isEmpty && !listedYears.contains(entry.date.year) {
                throw HolidayTableError(.yearNotListed, entry: label, reason: "năm \(entry.date.year) chưa được khai báo trong \"years\".")
            }
            let isWorkingList = list == "compensating_working_days"
            guard isWorkingList == (entry.kind == .workingDay) else {
                throw HolidayTableError(.badKind, entry: label, reason: "loại \"\(entry.kind.rawValue)\" không thuộc danh sách \(list).")
            }
            switch entry.kind {
            case .workingDay:
                guard entry.date.isWeekend else {
                    throw HolidayTableError(.compensatingDayNotWeekend, entry: label,
                                            reason: "ngày làm bù phải là thứ Bảy hoặc Chủ nhật, nhưng \(entry.date) là \(Self.weekdayName(entry.date)).")
                }
                if let replaced = entry.replaces, offByDate[replaced]?.kind != .swap {
                    throw HolidayTableError(.badReference, entry: label, reason: "\"replaces\" \(replaced) không phải một ngày nghỉ hoán đổi trong bảng.")
                }
            case .compensatory, .swap:
                if entry.date.isWeekend {
                    throw HolidayTableError(.dayOffOnWeekend, entry: label,
                                            reason: "ngày nghỉ bù hoặc hoán đổi phải là ngày làm việc, nhưng \(entry.date) là \(Self.weekdayName(entry.date)).")
                }
            case .holiday:
                if let substitute = entry.compensatedBy {
                    guard let target = offByDate[substitute], target.kind == .compensatory || target.kind == .swap else {
                        throw HolidayTableError(.badReference, entry: label, reason: "\"compensated_by\" \(substitute) không phải một ngày nghỉ bù trong bảng.")
                    }
                } else if entry.date.isWeekend {
                    warnings.append(HolidayTableWarning(
                        code: "holiday_on_weekend", entry: label,
                        message: "Mục \(label): ngày lễ trùng \(Self.weekdayName(entry.date)); kiểm tra đã có ngày nghỉ bù chưa (\"compensated_by\")."))
                }
            }
        }
        self.init(checked: years, daysOff: daysOff, workingDays: compensatingWorkingDays, warnings: warnings)
    }

    private init(checked years: [HolidayYear], daysOff: [HolidayEntry], workingDays: [HolidayEntry], warnings: [HolidayTableWarning]) {
        self.years = years.sorted { $0.year < $1.year }
        self.daysOff = daysOff.sorted { $0.date < $1.date }
        self.compensatingWorkingDays = workingDays.sorted { $0.date < $1.date }
        self.warnings = warnings
        var index: [BusinessDay: HolidayEntry] = [:]
        for entry in daysOff + workingDays { index[entry.date] = entry }
        self.index = index
    }

    /// The row for `day`, if any.
    public func entry(on day: BusinessDay) -> HolidayEntry? { index[day] }

    /// Whether the office is closed on `day` by the table (weekends are the calendar's business).
    public func isDayOff(_ day: BusinessDay) -> Bool { index[day]?.isDayOff ?? false }

    /// Whether `day` is a weekend day worked in exchange for a swapped day off.
    public func isCompensatingWorkingDay(_ day: BusinessDay) -> Bool { index[day]?.kind == .workingDay }

    /// What the table says about `year`; `nil` when it does not describe it (days off then are weekends only).
    public func year(_ year: Int) -> HolidayYear? { years.first { $0.year == year } }

    /// Whether the table describes the year of `day`; beyond it only weekends are days off, so an appointment
    /// there may be too early.
    public func covers(_ day: BusinessDay) -> Bool { year(day.year) != nil }

    /// `days_off[3] 2026-02-16 "Tết Nguyên đán"`.
    static func label(_ list: String, _ index: Int, _ date: String, _ name: String) -> String {
        "\(list)[\(index)] \(date)" + (name.isEmpty ? "" : " \"\(name)\"")
    }

    /// "thứ Hai" … "Chủ nhật".
    static func weekdayName(_ day: BusinessDay) -> String {
        ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"][day.weekday - 1]
    }
}
