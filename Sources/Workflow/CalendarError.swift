import QueueCore

/// Why a working calendar's configuration was refused.
public enum CalendarError: Error, Sendable, Hashable {
    /// No weekday shift: no time would ever count.
    case noShifts
    /// Two shifts of the same day overlap.
    case overlappingShifts(TimeWindow, TimeWindow)
    /// A working day must be 1 … 24 hours.
    case badHoursPerDay(Int)

    /// Stable snake_case code.
    public var code: String {
        switch self {
        case .noShifts: "no_shifts"
        case .overlappingShifts: "overlapping_shifts"
        case .badHoursPerDay: "bad_hours_per_day"
        }
    }

    /// Vietnamese text an administrator can act on.
    public var message: String {
        switch self {
        case .noShifts: "Chưa khai báo ca làm việc nào cho ngày thường."
        case .overlappingShifts(let a, let b): "Ca làm việc \(a) và \(b) chồng lên nhau."
        case .badHoursPerDay(let hours): "Một ngày làm việc \(hours) giờ không hợp lệ: chọn từ 1 đến 24."
        }
    }
}
