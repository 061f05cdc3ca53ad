/// Whether a dossier keeps its appointment (DOMAIN.md "On time or late"): processing ends at the first of
/// finished (9), returned (10) or stopped (8); on time when that is at or before the appointment, moved by the
/// working time spent waiting for supplements; an unfinished dossier past its appointment is late; nearly late
/// when less than one working day is left.
public enum Timeliness: String, Sendable, Hashable, Codable, CaseIterable {
    /// Finished at or before the appointment, or unfinished with at least one working day left.
    case onTime = "on_time"
    /// Unfinished, with less than one working day (8 working hours) left before the appointment.
    case nearlyLate = "nearly_late"
    /// Finished after the appointment, or unfinished and past it.
    case late

    /// "Đúng hạn", "Sắp đến hạn", "Trễ hạn".
    public var vietnamese: String {
        switch self {
        case .onTime: "Đúng hạn"
        case .nearlyLate: "Sắp đến hạn"
        case .late: "Trễ hạn"
        }
    }
}
