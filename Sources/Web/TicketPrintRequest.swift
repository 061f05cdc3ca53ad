import Logging
import PrintLayout
import Printing
import QueueCore
import QueueService

/// A kiosk's new ticket sent to the office's printers, with the words of the office's print language.
struct TicketPrintRequest {
    let office: Office

    /// Prints `ticket` for `kiosk`; true when a printer took it. A request from no kiosk (a script, the
    /// command line) or an office without ticket printers prints nothing.
    func print(_ ticket: TicketView, outcome: OperationOutcome, kiosk: String?) async -> Bool {
        guard let printers = office.printers, printers.hasTicketPrinters, kiosk != nil else { return false }
        let english = office.printLanguage == "en"
        let names = await office.engine.read { state -> (service: String?, priority: String?) in
            let service = state.services[ticket.serviceId]
            let group = ticket.priority.flatMap { code in state.settings.priorityGroups.first { $0.code == code } }
            return (english ? service?.nameEn : nil, group.map { english ? ($0.nameEn ?? $0.name) : $0.name })
        }
        let data = TicketPrintData(
            ticket: ticket, office: office.name, serviceName: names.service, priorityName: names.priority,
            ahead: outcome.ahead ?? 0, estimatedWaitSeconds: outcome.estimatedWait
        )
        let result = await printers.printTicket(data, kiosk: kiosk)
        if !result.problems.isEmpty {
            Logger(label: "motcua.printing").warning("ticket print trouble", metadata: [
                "ticket": "\(ticket.number)", "printed": "\(result.printed)", "printer": "\(result.printer ?? "-")",
                "problems": "\(result.problems.joined(separator: "; "))",
            ])
        }
        return result.printed
    }
}
