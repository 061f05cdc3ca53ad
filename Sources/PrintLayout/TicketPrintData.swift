import Foundation
import QueueCore

/// The values a ticket template (`Templates/printing/LANG/ticket.txt`) is given.
///
/// | name | value |
/// |---|---|
/// | `office` | the office's name |
/// | `number` | the ticket number, `A001` |
/// | `service` | the service's name in the ticket's language |
/// | `priority` | the priority group's name, absent for a regular ticket |
/// | `time`, `date` | when it was taken, `08:05` and `03/12/2026`, office time |
/// | `ahead` | how many are waiting before it |
/// | `estimate_minutes` | the estimated wait in whole minutes, absent when there is no estimate |
/// | `qr` | the text of the QR code (the same as the kiosk's on-screen code) |
/// | `id` | the ticket's id |
public struct TicketPrintData: Sendable {
    /// The ticket as the queue shows it.
    public var ticket: TicketView
    /// The office's name.
    public var office: String
    /// The service's name in the language of the ticket (the queue's name when there is none).
    public var serviceName: String
    /// The priority group's name, for a priority ticket.
    public var priorityName: String?
    /// Waiting before it.
    public var ahead: Int
    /// Estimated wait, in seconds.
    public var estimatedWaitSeconds: Int?

    /// Collects the values.
    public init(
        ticket: TicketView, office: String, serviceName: String? = nil, priorityName: String? = nil,
        ahead: Int, estimatedWaitSeconds: Int?
    ) {
        self.ticket = ticket
        self.office = office
        self.serviceName = serviceName ?? ticket.serviceName
        self.priorityName = priorityName
        self.ahead = ahead
        self.estimatedWaitSeconds = estimatedWaitSeconds
    }

    /// The values, by the names in the table above.
    public var values: [String: Any] {
        let issued = Timestamp.parse(ticket.issuedAt)
        var values: [String: Any] = [
            "office": office, "number": ticket.number, "service": serviceName, "ahead": ahead,
            "time": issued.map(Self.time) ?? "", "date": issued.map(Self.date) ?? "",
            "qr": TicketQRText.text(for: ticket, office: office), "id": ticket.id,
        ]
        if let priorityName { values["priority"] = priorityName }
        if let estimatedWaitSeconds { values["estimate_minutes"] = max(1, (estimatedWaitSeconds + 59) / 60) }
        return values
    }

    /// `08:05`: the hour and minute of `date` in office time.
    public static func time(_ date: Date) -> String {
        let c = OfficeCalendar.calendar(OfficeCalendar.vietnam).dateComponents([.hour, .minute], from: date)
        return "\(two(c.hour ?? 0)):\(two(c.minute ?? 0))"
    }

    /// `03/12/2026`: the day of `date` in office time.
    public static func date(_ date: Date) -> String {
        let c = OfficeCalendar.calendar(OfficeCalendar.vietnam).dateComponents([.year, .month, .day], from: date)
        return "\(two(c.day ?? 0))/\(two(c.month ?? 0))/\(c.year ?? 0)"
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
