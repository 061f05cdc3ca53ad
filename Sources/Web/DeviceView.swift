import Foundation
import InputDevices
import LedBoards
import MotCuaConfig
import Udev
import Printing

/// A device the office knows of, as `GET /api/v1/devices` shows it.
public struct DeviceView: Encodable, Sendable {
    /// Stable id: the CUPS queue of a printer, the stable path or serial of a board.
    public let id: String
    /// `printer`, `display_board`, `scanner`, `keypad`.
    public let kind: String
    public let name: String
    /// What it serves: `ticket` (the kiosk's printer), a counter, a kiosk.
    @ExplicitNull var role: String?
    /// `ok`, `fault`, `disconnected`, `not_monitored` while motcua only knows it from the configuration, or
    /// `not_configured` for a device plugged in that matches a model but that the configuration does not name.
    public let state: String
    /// Words for the administrator.
    @ExplicitNull var detail: String?

    public init(id: String, kind: String, name: String, role: String? = nil, state: String, detail: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.role = role
        self.state = state
        self.detail = detail
    }

    /// A printer as last read from CUPS: `ok`, `fault` with the reason, or `not_monitored` before the first reading.
    init(_ printer: PrinterSnapshot) {
        let kiosks = printer.kiosks.isEmpty ? "" : " (kiosk \(printer.kiosks.joined(separator: ", ")))"
        let state = switch printer.health {
        case .unknown: "not_monitored"
        case .ok: "ok"
        case .fault: "fault"
        }
        self.init(
            id: printer.queue, kind: "printer", name: printer.model, role: printer.role.rawValue + kiosks, state: state,
            detail: printer.health.detail
        )
    }

    /// A board as last driven: `ok` with what it shows, or `disconnected` with why; its id is the serial
    /// path, with `#address` when it is not 0 (boards sharing an RS-485 line).
    init(_ board: BoardSnapshot) {
        let showing = board.showing.map { $0.trimmingCharacters(in: .whitespaces) }
        let detail = board.problem ?? showing.map { $0.isEmpty ? "đang tắt (blank)" : "đang hiện (showing) \($0)" }
        self.init(
            id: board.address == 0 ? board.path : "\(board.path)#\(board.address)", kind: "display_board", name: board.model,
            role: "counter \(board.counter)", state: board.connected ? "ok" : "disconnected", detail: detail
        )
    }

    /// A scanner or keypad: `ok` while open and grabbed, else `disconnected` with why.
    init(_ input: InputSnapshot) {
        self.init(
            id: input.path, kind: input.kind, name: input.model, role: input.role,
            state: input.connected ? "ok" : "disconnected", detail: input.problem
        )
    }

    /// A device plugged in that matches a model but that the configuration does not name: `not_configured`,
    /// with its profile and node, so the administrator can copy its stable path into the configuration.
    init(_ present: PresentDevice) {
        let node = present.device.devNode.map { " (\($0))" } ?? ""
        // Two units of one model are told apart by their serial number, which their by-id link carries too.
        let serial = present.device.properties["ID_SERIAL_SHORT"].map { "; số sê-ri (serial) \($0)" } ?? ""
        self.init(
            id: present.name, kind: present.kind, name: present.model, role: nil, state: "not_configured",
            detail: "hồ sơ (profile) \(present.profile)\(node)\(serial); chưa có trong cấu hình (not in the configuration)"
        )
    }
}
