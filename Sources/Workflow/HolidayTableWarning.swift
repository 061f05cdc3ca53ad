/// Something in a valid holiday table that an administrator should look at, such as a holiday on a weekend
/// with no compensatory day named.
public struct HolidayTableWarning: Sendable, Hashable, CustomStringConvertible {
    /// Stable snake_case code: `holiday_on_weekend`.
    public let code: String
    /// The entry concerned, such as `days_off[7] 2026-04-26 "Giỗ Tổ Hùng Vương"`.
    public let entry: String
    /// Vietnamese text naming the entry.
    public let message: String

    /// A warning.
    public init(code: String, entry: String, message: String) {
        self.code = code
        self.entry = entry
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
