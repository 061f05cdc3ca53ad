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
