/// Why a holiday table was refused: a stable `code`, the entry at fault (`days_off[3] 2026-02-31 "Tết"`) and a
/// Vietnamese message naming it.
public struct HolidayTableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of fault; more may come.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// Not JSON, or not of the table's shape.
        case badJSON = "bad_json"
        /// A `format` this version does not read.
        case unsupportedFormat = "unsupported_format"
        /// Not a real `YYYY-MM-DD` date (31 February).
        case badDate = "bad_date"
        /// The same date twice, or both off and worked.
        case duplicateDate = "duplicate_date"
        /// The same year described twice.
        case duplicateYear = "duplicate_year"
        /// A compensating working day that is not a Saturday or Sunday.
        case compensatingDayNotWeekend = "compensating_day_not_weekend"
        /// A compensatory or swapped day off that falls on a weekend, where it gives nothing.
        case dayOffOnWeekend = "day_off_on_weekend"
        /// An unknown `kind`, or a kind in the wrong list.
        case badKind = "bad_kind"
        /// `compensated_by` or `replaces` names a date that is not a matching day off.
        case badReference = "bad_reference"
        /// An entry whose year the table does not describe.
        case yearNotListed = "year_not_listed"
        /// An entry without a name.
        case missingName = "missing_name"
    }

    /// What is wrong.
    public let code: Code
    /// The entry at fault, such as `days_off[3] 2026-02-31 "Tết Nguyên đán"`; `nil` for the whole table.
    public let entry: String?
    /// Vietnamese text naming the entry and the fault.
    public let message: String

    /// An error about `entry`; the message is "Mục <entry>: <reason>".
    public init(_ code: Code, entry: String?, reason: String) {
        self.code = code
        self.entry = entry
        self.message = entry.map { "Mục \($0): \(reason)" } ?? reason
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
