import Foundation
import PrintLayout
import QueueCore

/// A ticket as a kiosk would print it: priority, people ahead, an estimate.
enum SampleTicket {
    static let json = """
        {"id": "7f3c2a10-0000-4000-8000-000000000001", "number": "A001", "service": "A", "service_id": 1,
         "service_name": "Tư pháp – Hộ tịch", "priority": "elderly", "state": "waiting", "call_count": 0,
         "issued_at": "2026-12-03T08:05:00+07:00"}
        """

    static func view() throws -> TicketView {
        try JSONDecoder().decode(TicketView.self, from: Data(json.utf8))
    }

    static func data() throws -> TicketPrintData {
        TicketPrintData(
            ticket: try view(), office: "UBND phường Bến Thành", priorityName: "Người cao tuổi", ahead: 12,
            estimatedWaitSeconds: 900
        )
    }
}
