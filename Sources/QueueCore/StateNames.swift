/// What clerks read for each state, in Vietnamese.
extension TicketState {
    /// The state as a clerk reads it: "đang chờ", "đã gọi", …
    public var vietnamese: String {
        switch self {
        case .waiting: "đang chờ"
        case .called: "đã gọi"
        case .serving: "đang phục vụ"
        case .done: "đã xong"
        case .noShow: "vắng mặt"
        case .transferred: "đã chuyển, đang chờ"
        case .expired: "hết hạn"
        }
    }
}

extension CounterState {
    /// The state as a clerk reads it: "đang mở", "tạm dừng", "đã đóng".
    public var vietnamese: String {
        switch self {
        case .open: "đang mở"
        case .paused: "tạm dừng"
        case .closed: "đã đóng"
        }
    }
}

extension DayPhase {
    /// The phase as a clerk reads it: "chưa mở", "đang làm việc", "đã đóng".
    public var vietnamese: String {
        switch self {
        case .notOpened: "chưa mở"
        case .open: "đang làm việc"
        case .closed: "đã đóng"
        }
    }
}
