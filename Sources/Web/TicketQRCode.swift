import Foundation
import QRCode
import QueueCore

/// The QR code a citizen can photograph when the ticket cannot be printed: the ticket's number,
/// service and time in words a phone shows as they are, and the ticket's id for a clerk's scanner.
enum TicketQRCode {
    /// The text inside the code (no personal data: there is none on a ticket).
    static func text(for ticket: TicketView, office: String) -> String {
        let issued = Timestamp.parse(ticket.issuedAt).map { date in
            let c = OfficeCalendar.calendar(OfficeCalendar.vietnam).dateComponents([.year, .month, .day, .hour, .minute], from: date)
            func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "??" }
            return "\(two(c.hour)):\(two(c.minute)) ngày \(two(c.day))/\(two(c.month))/\(c.year ?? 0)"
        } ?? ticket.issuedAt
        return """
            \(office)
            Số thứ tự: \(ticket.number)
            Lĩnh vực: \(ticket.serviceName)
            Lấy số lúc \(issued)
            Mã vé: \(ticket.id)
            """.precomposedStringWithCanonicalMapping
    }

    /// The code as an SVG image.
    static func svg(for ticket: TicketView, office: String) throws -> String {
        try QRCode(text: text(for: ticket, office: office), correction: .medium).svg(moduleSize: 8, quietZone: 4)
    }
}
