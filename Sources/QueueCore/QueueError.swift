/// Why the queue refused an operation. Each case has a stable `code` the API and CLI show.
public enum QueueError: Error, Sendable, Hashable {
    case unknownService(String)
    case serviceClosed(String)
    case outsideHours(String)
    case quotaReached(String)
    case unknownPriority(String)
    case unknownCounter(Int)
    case counterClosed(Int)
    case counterPaused(Int)
    case counterBusy(Int, String)
    case noCurrentTicket(Int)
    case notServing(Int, String)
    case tooFewCalls(String, calls: Int, needed: Int)
    case badRating(Int)
    case badTransfer(String)
    case badDossierCode(String)
    /// A name for the displays that is not masked (DOMAIN.md, "Privacy"); the name itself is never repeated.
    case unmaskedName
    /// A device event without a usable device id or kind.
    case badDevice(String)

    /// Stable snake_case code.
    public var code: String {
        switch self {
        case .unknownService: "unknown_service"
        case .serviceClosed: "service_closed"
        case .outsideHours: "outside_hours"
        case .quotaReached: "quota_reached"
        case .unknownPriority: "unknown_priority"
        case .unknownCounter: "unknown_counter"
        case .counterClosed: "counter_closed"
        case .counterPaused: "counter_paused"
        case .counterBusy: "counter_busy"
        case .noCurrentTicket: "no_current_ticket"
        case .notServing: "not_serving"
        case .tooFewCalls: "too_few_calls"
        case .badRating: "bad_rating"
        case .badTransfer: "bad_transfer"
        case .badDossierCode: "bad_code"
        case .unmaskedName: "unmasked_name"
        case .badDevice: "bad_device"
        }
    }

    /// Vietnamese text a clerk or citizen can act on.
    public var message: String {
        switch self {
        case .unknownService(let s): "Không có dịch vụ \"\(s)\"."
        case .serviceClosed(let s): "Dịch vụ \(s) đang tạm ngừng lấy số."
        case .outsideHours(let s): "Ngoài giờ lấy số của dịch vụ \(s)."
        case .quotaReached(let s): "Đã hết số hôm nay cho dịch vụ \(s)."
        case .unknownPriority(let p): "Không có nhóm ưu tiên \"\(p)\"."
        case .unknownCounter(let n): "Không có quầy số \(n)."
        case .counterClosed(let n): "Quầy số \(n) đang đóng: hãy mở quầy trước."
        case .counterPaused(let n): "Quầy số \(n) đang tạm dừng: hãy mở lại quầy trước."
        case .counterBusy(let n, let t): "Quầy số \(n) đang phục vụ số \(t): hãy kết thúc số này trước."
        case .noCurrentTicket(let n): "Quầy số \(n) chưa gọi số nào."
        case .notServing(let n, let t): "Số \(t) ở quầy số \(n) chưa ở trạng thái phù hợp cho thao tác này."
        case .tooFewCalls(let t, let calls, let needed): "Số \(t) mới được gọi \(calls) lần; cần gọi \(needed) lần trước khi đánh dấu vắng mặt."
        case .badRating(let r): "Mức đánh giá \(r) không hợp lệ: chọn từ 1 đến 5."
        case .badTransfer(let why): "Không chuyển được: \(why)."
        case .badDossierCode(let code): "Mã hồ sơ \"\(code)\" không đúng dạng (ví dụ: 000.00.19.H47-260105-0001)."
        case .unmaskedName: "Tên người nộp hồ sơ phải được che trước khi hiển thị (ví dụ: Nguyễn V** A)."
        case .badDevice(let device): "Thiết bị \"\(device)\" không có mã hoặc loại hợp lệ."
        }
    }
}
