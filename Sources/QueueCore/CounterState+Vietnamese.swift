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
