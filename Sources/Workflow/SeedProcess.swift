/// The process of the seed (Decision 1455/QĐ-UBND, Vũng Tàu, 2011, appendix "Quy trình liên thông hồ sơ điện tử"),
/// as ordered step lists. The seed's ward is the lower level and its city the upper level.
public enum SeedProcess {
    /// Table 1: from the lower level up to the upper level and back. The citizen files and collects at the
    /// lower level; steps 5–8 happen at the upper level.
    public static let upward: [RouteStep] = [
        RouteStep(.reception, .lower, "Tiếp nhận hồ sơ, nhập vào phần mềm, in phiếu hẹn và biên nhận, chuyển thụ lý."),
        RouteStep(.processing, .lower, "Xem hồ sơ; thiếu thì trả tiếp nhận để yêu cầu bổ sung; đủ thì xử lý và trình lãnh đạo."),
        RouteStep(.approval, .lower, "Lãnh đạo cấp dưới xét duyệt, ký xác nhận, chuyển lại thụ lý."),
        RouteStep(.processing, .lower, "Nhận hồ sơ đã duyệt, chuyển hồ sơ điện tử lên một cửa cấp trên."),
        RouteStep(.reception, .upper, "Tiếp nhận, kiểm tra hồ sơ liên thông từ cấp dưới, chuyển phòng chuyên môn."),
        RouteStep(.processing, .upper, "Phòng chuyên môn xử lý nghiệp vụ, cập nhật kết quả, trình lãnh đạo phê duyệt."),
        RouteStep(.approval, .upper, "Văn phòng, lãnh đạo cấp trên ký duyệt, chuyển kết quả cho bộ phận trả kết quả."),
        RouteStep(.resultReturn, .upper, "Cập nhật kết quả, chuyển hồ sơ đã xử lý xuống cấp dưới."),
        RouteStep(.processing, .lower, "Nhận kết quả và hồ sơ gốc từ cấp trên, chuyển cho bộ phận trả kết quả.", optional: true),
        RouteStep(.resultReturn, .lower, "Báo công dân đến nhận, trả kết quả, cập nhật việc trả kết quả."),
    ]

    /// Table 2: from the upper level down to the lower level and back. The citizen files and collects at the
    /// upper level; steps 3–6 happen at the lower level.
    public static let downward: [RouteStep] = [
        RouteStep(.reception, .upper, "Tiếp nhận hồ sơ, nhập vào phần mềm, in phiếu hẹn và biên nhận, chuyển thụ lý."),
        RouteStep(.processing, .upper, "Xem hồ sơ; thiếu thì trả tiếp nhận để yêu cầu bổ sung; đủ thì chuyển xuống cấp dưới."),
        RouteStep(.reception, .lower, "Tiếp nhận, kiểm tra hồ sơ liên thông từ cấp trên, chuyển thụ lý."),
        RouteStep(.processing, .lower, "Xử lý nghiệp vụ, cập nhật nội dung xử lý, trình lãnh đạo cấp dưới."),
        RouteStep(.approval, .lower, "Lãnh đạo cấp dưới xét duyệt, ký xác nhận, chuyển trả kết quả."),
        RouteStep(.resultReturn, .lower, "Cập nhật kết quả, chuyển hồ sơ điện tử và gửi hồ sơ gốc lên cấp trên."),
        RouteStep(.processing, .upper, "Tiếp tục xử lý nghiệp vụ, trình lãnh đạo cấp trên phê duyệt."),
        RouteStep(.approval, .upper, "Văn phòng, lãnh đạo cấp trên ký duyệt, chuyển kết quả cho bộ phận trả kết quả."),
        RouteStep(.resultReturn, .upper, "Cập nhật kết quả, báo công dân đến nhận, trả kết quả."),
    ]

    /// A dossier that stays at the lower level: reception, processing, approval, result return.
    public static let localLower: [RouteStep] = local(.lower)
    /// A dossier that stays at the upper level: reception, processing, approval, result return.
    public static let localUpper: [RouteStep] = local(.upper)

    private static func local(_ level: Level) -> [RouteStep] {
        [
            RouteStep(.reception, level, "Tiếp nhận hồ sơ, nhập vào phần mềm, in phiếu hẹn và biên nhận, chuyển thụ lý."),
            RouteStep(.processing, level, "Xem hồ sơ; thiếu thì trả tiếp nhận để yêu cầu bổ sung; đủ thì xử lý và trình lãnh đạo."),
            RouteStep(.approval, level, "Lãnh đạo xét duyệt, ký, chuyển kết quả cho bộ phận trả kết quả."),
            RouteStep(.resultReturn, level, "Cập nhật kết quả, báo công dân đến nhận, trả kết quả."),
        ]
    }
}
