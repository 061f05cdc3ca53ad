import Foundation
import PrintLayout
import QRCode
import QueueCore

/// The QR code a citizen can photograph when the ticket cannot be printed: the ticket's number,
/// service and time in words a phone shows as they are, and the ticket's id for a clerk's scanner.
enum TicketQRCode {
    /// The text inside the code (no personal data: there is none on a ticket); the printed ticket's too.
    static func text(for ticket: TicketView, office: String) -> String {
        TicketQRText.text(for: ticket, office: office)
    }

    /// The code as an SVG image.
    static func svg(for ticket: TicketView, office: String) throws -> String {
        try QRCode(text: text(for: ticket, office: office), correction: .medium).svg(moduleSize: 8, quietZone: 4)
    }
}
