/// Which role of the seed's process holds a dossier: reception, processing, approval or result return.
public enum StageRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The reception desk of the one-stop shop (bộ phận tiếp nhận, công chức tiếp nhận).
    case reception
    /// The officer or department handling the case (công chức thụ lý, phòng ban chuyên môn).
    case processing
    /// The office and the leaders who sign (văn phòng, lãnh đạo UBND).
    case approval
    /// The result-returning desk (bộ phận trả kết quả).
    case resultReturn = "result_return"

    /// The role as the seed names it: "Công chức thụ lý".
    public var vietnamese: String {
        switch self {
        case .reception: "Bộ phận tiếp nhận"
        case .processing: "Công chức thụ lý"
        case .approval: "Lãnh đạo phê duyệt"
        case .resultReturn: "Bộ phận trả kết quả"
        }
    }
}
