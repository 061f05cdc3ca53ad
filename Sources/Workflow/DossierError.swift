import Foundation
import QueueCore

/// Why a dossier operation was refused. Each case has a stable `code` the socket and the CLI show, and a
/// Vietnamese `message` a clerk can act on.
public enum DossierError: Error, Sendable, Hashable {
    /// The move is not one of the national transitions.
    case illegalTransition(from: DossierStatus, to: DossierStatus)
    /// The stage cannot move while the dossier has this status (supplement, fees, withdrawal, a final status).
    case cannotAdvance(DossierStatus)
    /// The dossier has already gone through every step of its route.
    case routeCompleted
    /// Accepting a dossier submitted online computes its appointment, which needs the working calendar.
    case calendarNeeded
    /// A change dated before the dossier's last recorded change.
    case outOfOrder(at: Date, last: Date)
    /// Processing time must be 0 … 3 650 working days.
    case badProcessingDays(Int)
    /// A dossier needs a procedure.
    case missingProcedure
    /// A dossier needs the applicant's name.
    case missingApplicant
    /// A supplement request needs at least one item.
    case emptySupplement
    /// A fee is a whole, non-negative number of đồng.
    case badFee(Int)
    /// The agency part of a dossier code is not of the national form (`000.00.19.H47`).
    case badAgency(String)
    /// The given dossier code is not of the form `AGENCY-YYMMDD-XXXX`.
    case badCode(String)
    /// The agency used up its sequence numbers (999 999) for that day.
    case sequenceExhausted(agency: String, day: String)

    /// Stable snake_case code.
    public var code: String {
        switch self {
        case .illegalTransition: "illegal_transition"
        case .cannotAdvance: "cannot_advance"
        case .routeCompleted: "route_completed"
        case .calendarNeeded: "calendar_needed"
        case .outOfOrder: "out_of_order"
        case .badProcessingDays: "bad_processing_days"
        case .missingProcedure: "missing_procedure"
        case .missingApplicant: "missing_applicant"
        case .emptySupplement: "empty_supplement"
        case .badFee: "bad_fee"
        case .badAgency: "bad_agency"
        case .badCode: "bad_code"
        case .sequenceExhausted: "sequence_exhausted"
        }
    }

    /// Vietnamese text a clerk can act on.
    public var message: String {
        switch self {
        case .illegalTransition(let from, let to):
            "Không thể chuyển hồ sơ từ trạng thái \"\(from.vietnamese)\" (\(from.code)) sang \"\(to.vietnamese)\" (\(to.code))."
        case .cannotAdvance(let status):
            "Hồ sơ đang ở trạng thái \"\(status.vietnamese)\" (\(status.code)): chưa thể chuyển sang bước tiếp theo."
        case .routeCompleted:
            "Hồ sơ đã đi hết các bước của quy trình."
        case .calendarNeeded:
            "Cần lịch làm việc để tính ngày hẹn trả khi tiếp nhận hồ sơ."
        case .outOfOrder(let at, let last):
            "Thời điểm \(Self.stamp(at)) sớm hơn lần cập nhật gần nhất của hồ sơ (\(Self.stamp(last)))."
        case .badProcessingDays(let days):
            "Thời hạn giải quyết \(days) ngày làm việc không hợp lệ: chọn từ 0 đến 3650."
        case .missingProcedure:
            "Chưa có tên thủ tục hành chính."
        case .missingApplicant:
            "Chưa có họ tên người nộp hồ sơ."
        case .emptySupplement:
            "Yêu cầu bổ sung phải nêu ít nhất một giấy tờ."
        case .badFee(let amount):
            "Số tiền \(amount) đồng không hợp lệ."
        case .badAgency(let agency):
            "Mã cơ quan \"\(agency)\" không đúng dạng (ví dụ: 000.00.19.H47)."
        case .badCode(let code):
            "Mã hồ sơ \"\(code)\" không đúng dạng (ví dụ: 000.00.19.H47-260105-0001)."
        case .sequenceExhausted(let agency, let day):
            "Cơ quan \(agency) đã dùng hết số thứ tự hồ sơ của ngày \(day)."
        }
    }

    /// `2026-02-16 08:05` in Vietnam, for messages.
    private static func stamp(_ date: Date) -> String {
        let parts = OfficeCalendar.calendar(OfficeCalendar.vietnam).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(parts.year!)-\(pad(parts.month!))-\(pad(parts.day!)) \(pad(parts.hour!)):\(pad(parts.minute!))"
    }
}
