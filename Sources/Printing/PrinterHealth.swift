import Cups
import Foundation

/// Whether a printer can print now, as CUPS tells it.
public enum PrinterHealth: Sendable, Hashable {
    /// Not read yet.
    case unknown
    /// Ready; `note` says what is worth knowing that does not stop it (paper low).
    case ok(note: String?)
    /// It cannot print; the reason in words.
    case fault(String)

    /// Whether a ticket may be sent to it.
    public var canPrint: Bool {
        if case .fault = self { false } else { true }
    }

    /// `ok`, `fault` or `unknown`, as the devices list shows it.
    public var name: String {
        switch self {
        case .unknown: "unknown"
        case .ok: "ok"
        case .fault: "fault"
        }
    }

    /// The words for the administrator.
    public var detail: String? {
        switch self {
        case .unknown: nil
        case .ok(let note): note
        case .fault(let reason): reason
        }
    }

    /// Reasons that stop a receipt printer, as CUPS and IPP name them (any severity: a thermal printer
    /// with no paper is stopped whatever the driver calls it).
    static let stopping: [(keyword: String, words: String)] = [
        ("media-empty", "hết giấy (media empty)"),
        ("media-needed", "cần nạp giấy (media needed)"),
        ("media-jam", "kẹt giấy (paper jam)"),
        ("cover-open", "nắp máy in đang mở (cover open)"),
        ("door-open", "cửa máy in đang mở (door open)"),
        ("offline", "máy in ngoại tuyến (offline)"),
        ("shutdown", "máy in đã tắt (shut down)"),
        ("cutter-error", "lỗi dao cắt (cutter error)"),
        ("marker-supply-empty", "hết mực / vật tư in (supply empty)"),
    ]

    /// Words in a printer-state-message that CUPS backends write when the device does not answer
    /// (the reasons then often stay `none`).
    static let unreachableMessages = ["not responding", "unavailable", "unable to connect", "waiting for printer", "not connected"]

    /// How long a printer may say `connecting-to-device` before it counts as unreachable. CUPS says so at
    /// the start of every job, while the backend opens the device; a job that goes out clears it.
    public static let connectingPatience: TimeInterval = 30

    /// The health CUPS's `status` of a printer means; `connectingFor` is how long it has said
    /// `connecting-to-device` without a break (0 at the first reading that says so).
    public init(_ status: PrinterStatus, connectingFor: TimeInterval = 0) {
        if status.state == .stopped {
            self = .fault("hàng in đã dừng (queue stopped)" + (status.message.map { ": \($0)" } ?? ""))
            return
        }
        if !status.isAcceptingJobs {
            self = .fault("hàng in không nhận lệnh in (not accepting jobs)" + (status.message.map { ": \($0)" } ?? ""))
            return
        }
        for reason in status.reasons {
            if let known = Self.stopping.first(where: { reason.reason == $0.keyword }) {
                self = .fault(known.words)
                return
            }
        }
        if let message = status.message?.lowercased(), Self.unreachableMessages.contains(where: message.contains) {
            self = .fault("không kết nối được máy in (device unreachable): \(status.message ?? "")")
            return
        }
        if status.isConnecting, connectingFor >= Self.connectingPatience {
            self = .fault("không kết nối được máy in (connecting to device) sau \(Int(connectingFor)) giây")
            return
        }
        let low = status.reasons.first { $0.reason == "media-low" || $0.reason == "toner-low" || $0.reason == "marker-supply-low" }
        self = .ok(note: low.map { _ in "sắp hết giấy (media low)" })
    }
}
