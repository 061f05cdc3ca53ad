import Foundation

/// A calendar day of the office, in its own time zone (Asia/Ho_Chi_Minh); ticket numbers restart with each one.
public struct BusinessDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The office day that contains `date` in `timeZone`.
    public init(containing date: Date, in timeZone: TimeZone) {
        let parts = OfficeCalendar.calendar(timeZone).dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Parses `YYYY-MM-DD`; `nil` when malformed or not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(validYear: y, month: m, day: d)
    }

    /// The day with these numbers; `nil` when there is no such date (31 April, 29 February 2027).
    public init?(validYear y: Int, month m: Int, day d: Int) {
        guard (1...12).contains(m), (1...31).contains(d) else { return nil }
        var components = DateComponents()
        components.year = y; components.month = m; components.day = d
        let calendar = OfficeCalendar.calendar(TimeZone(secondsFromGMT: 0)!)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == d else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The instant a time of this day happens in `timeZone`.
    public func date(at time: TimeOfDay, in timeZone: TimeZone) -> Date {
        var components = DateComponents()
        components.year = year; components.month = month; components.day = day
        components.hour = time.minutes / 60; components.minute = time.minutes % 60
        return OfficeCalendar.calendar(timeZone).date(from: components)!
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: BusinessDay, rhs: BusinessDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = BusinessDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD, got \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
