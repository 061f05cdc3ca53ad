/// Checks the shape of RFC 3339 timestamps: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, fields in range.
enum RFC3339 {
    /// Whether `text` is an RFC 3339 date-time with an offset (or `Z`); the day of the month is checked
    /// against its month (29 February only in a leap year), a leap second (`:60`) is refused.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func char(_ at: Int, _ expected: Unicode.Scalar) -> Bool {
            at < bytes.count && bytes[at] == UInt8(ascii: expected)
        }
        guard let year = number(0, 4), char(4, "-"), let month = number(5, 2), char(7, "-"), let day = number(8, 2),
              char(10, "T"), let hour = number(11, 2), char(13, ":"), let minute = number(14, 2), char(16, ":"),
              let second = number(17, 2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return false }
        var index = 19
        if char(index, ".") {
            index += 1
            let digits = index
            while number(index, 1) != nil { index += 1 }
            guard index > digits else { return false }
        }
        if char(index, "Z") { return index + 1 == bytes.count }
        guard char(index, "+") || char(index, "-"), let offsetHours = number(index + 1, 2), char(index + 3, ":"),
              let offsetMinutes = number(index + 4, 2) else { return false }
        return offsetHours < 24 && offsetMinutes < 60 && index + 6 == bytes.count
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
