import Foundation
import QueueCore

/// The text in a ticket's QR code, printed and on the kiosk's screen alike: the number, service and time
/// in words a phone shows as they are, and the ticket's id for a clerk's scanner. No personal data.
public enum TicketQRText {
    /// The text for `ticket` of `office`, NFC.
    public static func text(for ticket: TicketView, office: String) -> String {
        let issued = Timestamp.parse(ticket.issuedAt).map {
            "\(TicketPrintData.time($0)) ngày \(TicketPrintData.date($0))"
        } ?? ticket.issuedAt
        return """
            \(office)
            Số thứ tự: \(ticket.number)
            Lĩnh vực: \(ticket.serviceName)
            Lấy số lúc \(issued)
            Mã vé: \(ticket.id)
            """.precomposedStringWithCanonicalMapping
    }
}
