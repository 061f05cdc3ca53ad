extension DossierStatus {
    /// The national Vietnamese name, as the lookup kiosk shows it: "Đang xử lý".
    public var vietnamese: String {
        switch self {
        case .submitted: "Mới đăng ký"
        case .accepted: "Được tiếp nhận"
        case .refused: "Không được tiếp nhận"
        case .processing: "Đang xử lý"
        case .supplementRequested: "Yêu cầu bổ sung giấy tờ"
        case .feesDue: "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .withdrawalRequested: "Công dân yêu cầu rút hồ sơ"
        case .stopped: "Dừng xử lý"
        case .finished: "Đã xử lý xong"
        case .returned: "Đã trả kết quả"
        }
    }

    /// A short English name for logs and the API: "being processed".
    public var english: String {
        switch self {
        case .submitted: "submitted online"
        case .accepted: "accepted"
        case .refused: "refused at intake"
        case .processing: "being processed"
        case .supplementRequested: "supplement requested"
        case .feesDue: "fees or taxes due"
        case .withdrawalRequested: "withdrawal requested"
        case .stopped: "stopped"
        case .finished: "finished, result ready"
        case .returned: "result returned"
        }
    }
}
