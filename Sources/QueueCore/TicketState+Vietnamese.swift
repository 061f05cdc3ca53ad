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
