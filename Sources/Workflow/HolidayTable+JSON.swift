import Foundation
import QueueCore

extension HolidayTable {
    /// The `format` this version reads.
    public static let jsonFormat = 1

    /// Decodes and checks a table in the JSON form of `Calendars/holidays-vn.json`:
    /// `{"format": 1, "years": [{"year", "status", "note"}], "days_off": [{"date", "name", "kind", "source"?,
    /// "note"?, "compensated_by"?}], "compensating_working_days": [{"date", "name", "source"?, "note"?,
    /// "replaces"?}]}`. Dates are `YYYY-MM-DD`; `kind` is `holiday`, `compensatory` or `swap`. Every fault is
    /// reported with the entry it concerns (see ``init(years:daysOff:compensatingWorkingDays:)``).
    public init(json data: Data) throws(HolidayTableError) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw HolidayTableError(.badJSON, entry: Self.path(of: error), reason: "tệp lịch nghỉ không đúng cấu trúc (\(Self.reason(of: error))).")
        } catch {
            throw HolidayTableError(.badJSON, entry: nil, reason: "tệp lịch nghỉ không đọc được.")
        }
        guard file.format == Self.jsonFormat else {
            throw HolidayTableError(.unsupportedFormat, entry: nil,
                                    reason: "Tệp lịch nghỉ có \"format\" \(file.format); phiên bản này đọc \"format\" \(Self.jsonFormat).")
        }
        var years: [HolidayYear] = []
        for (i, row) in (file.years ?? []).enumerated() {
            guard let status = HolidayYear.Status(rawValue: row.status) else {
                throw HolidayTableError(.badKind, entry: "years[\(i)] \(row.year)",
                                        reason: "trạng thái \"\(row.status)\" không hợp lệ (confirmed, partial, projected).")
            }
            years.append(HolidayYear(year: row.year, status: status, note: row.note ?? ""))
        }
        let daysOff = try Self.entries(file.daysOff ?? [], list: "days_off")
        let working = try Self.entries(file.compensatingWorkingDays ?? [], list: "compensating_working_days")
        try self.init(years: years, daysOff: daysOff, compensatingWorkingDays: working)
    }

    private static func entries(_ rows: [Row], list: String) throws(HolidayTableError) -> [HolidayEntry] {
        var entries: [HolidayEntry] = []
        for (i, row) in rows.enumerated() {
            let label = Self.label(list, i, row.date, row.name)
            guard let date = BusinessDay(row.date) else {
                throw HolidayTableError(.badDate, entry: label, reason: "\"\(row.date)\" không phải một ngày có thật (YYYY-MM-DD).")
            }
            let kind: HolidayEntry.Kind
            if list == "compensating_working_days" {
                kind = try row.kind.map { (text: String) throws(HolidayTableError) -> HolidayEntry.Kind in
                    guard let kind = HolidayEntry.Kind(rawValue: text) else { throw Self.badKind(text, label) }
                    return kind
                } ?? .workingDay
            } else {
                guard let text = row.kind, let parsed = HolidayEntry.Kind(rawValue: text) else {
                    throw Self.badKind(row.kind ?? "", label)
                }
                kind = parsed
            }
            let compensatedBy = try row.compensatedBy.map { (text: String) throws(HolidayTableError) -> BusinessDay in
                guard let day = BusinessDay(text) else {
                    throw HolidayTableError(.badDate, entry: label, reason: "\"compensated_by\" \"\(text)\" không phải một ngày có thật.")
                }
                return day
            }
            let replaces = try row.replaces.map { (text: String) throws(HolidayTableError) -> BusinessDay in
                guard let day = BusinessDay(text) else {
                    throw HolidayTableError(.badDate, entry: label, reason: "\"replaces\" \"\(text)\" không phải một ngày có thật.")
                }
                return day
            }
            entries.append(HolidayEntry(date: date, name: row.name, kind: kind, source: row.source, note: row.note,
                                        compensatedBy: compensatedBy, replaces: replaces))
        }
        return entries
    }

    private static func badKind(_ text: String, _ label: String) -> HolidayTableError {
        HolidayTableError(.badKind, entry: label, reason: "loại \"\(text)\" không hợp lệ (holiday, compensatory, swap).")
    }

    /// `days_off[3].date` for a decoding error.
    private static func path(of error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        guard !path.isEmpty else { return nil }
        return path.reduce(into: "") { text, key in
            if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
    }

    private static func reason(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch: "sai kiểu dữ liệu"
        case .valueNotFound: "thiếu giá trị"
        case .keyNotFound(let key, _): "thiếu trường \"\(key.stringValue)\""
        case .dataCorrupted: "không phải JSON hợp lệ"
        @unknown default: "lỗi không rõ"
        }
    }

    private struct File: Decodable {
        let format: Int
        let years: [YearRow]?
        let daysOff: [Row]?
        let compensatingWorkingDays: [Row]?

        enum CodingKeys: String, CodingKey {
            case format, years
            case daysOff = "days_off"
            case compensatingWorkingDays = "compensating_working_days"
        }
    }

    private struct YearRow: Decodable {
        let year: Int
        let status: String
        let note: String?
    }

    private struct Row: Decodable {
        let date: String
        let name: String
        let kind: String?
        let source: String?
        let note: String?
        let compensatedBy: String?
        let replaces: String?

        enum CodingKeys: String, CodingKey {
            case date, name, kind, source, note, replaces
            case compensatedBy = "compensated_by"
        }
    }
}
