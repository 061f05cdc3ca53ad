/// A dossier's status in the national code list (TrangThaiHoSo): `1` submitted online … `10` result returned.
/// The raw value is the national code.
public enum DossierStatus: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 1: submitted online, not yet looked at (mới đăng ký).
    case submitted = 1
    /// 2: accepted at reception (được tiếp nhận).
    case accepted = 2
    /// 3: refused at intake (không được tiếp nhận); final.
    case refused = 3
    /// 4: being processed (đang xử lý).
    case processing = 4
    /// 5: the applicant must supplement the dossier (yêu cầu bổ sung giấy tờ); the processing clock stops.
    case supplementRequested = 5
    /// 6: fees or taxes are due (yêu cầu thực hiện nghĩa vụ tài chính).
    case feesDue = 6
    /// 7: the applicant asked to withdraw the dossier (công dân yêu cầu rút hồ sơ).
    case withdrawalRequested = 7
    /// 8: processing stopped (dừng xử lý); final.
    case stopped = 8
    /// 9: finished, the result waits for collection (đã xử lý xong).
    case finished = 9
    /// 10: the result was handed over (đã trả kết quả); final.
    case returned = 10

    /// The national code, `1` … `10`.
    public var code: Int { rawValue }

    /// Whether no move leaves this status: refused (3), stopped (8), returned (10).
    public var isFinal: Bool { Self.legalMoves[self, default: []].isEmpty }

    /// Whether processing is over for the appointment: the first of finished (9), returned (10) or stopped (8).
    public var endsProcessing: Bool { self == .finished || self == .returned || self == .stopped }

    /// The statuses a dossier may move to from this one.
    public var successors: Set<DossierStatus> { Self.legalMoves[self, default: []] }

    /// Whether the move `self → next` is one of the national transitions
    /// (1→2|3|5; 2→4; 4→5|6|7|8|9; 5→4; 6→4|9; 7→8; 9→10).
    public func canMove(to next: DossierStatus) -> Bool { successors.contains(next) }

    /// Throws ``DossierError/illegalTransition(from:to:)`` unless `self → next` is a legal move.
    public func checkMove(to next: DossierStatus) throws(DossierError) {
        guard canMove(to: next) else { throw .illegalTransition(from: self, to: next) }
    }

    /// The national transition table, as data.
    private static let legalMoves: [DossierStatus: Set<DossierStatus>] = [
        .submitted: [.accepted, .refused, .supplementRequested],
        .accepted: [.processing],
        .processing: [.supplementRequested, .feesDue, .withdrawalRequested, .stopped, .finished],
        .supplementRequested: [.processing],
        .feesDue: [.processing, .finished],
        .withdrawalRequested: [.stopped],
        .finished: [.returned],
    ]

    /// Orders by national code.
    public static func < (lhs: DossierStatus, rhs: DossierStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
