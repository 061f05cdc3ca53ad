import Cups
import DeviceProfiles
import Foundation
import Logging
import MotCuaConfig
import PrintLayout
import Raster
import QueueCore
import QueueService
import Store

/// The office's printers at run time: which can print, and tickets printed on the first of a kiosk's
/// ticket printers that can, the next one when it cannot (fail-over in configuration order).
///
/// A ticket never depends on its print: the caller has committed it before asking, and a print that
/// fails everywhere only makes ``PrintedTicket/printed`` false, so the kiosk shows the ticket on screen.
/// Every health change is recorded once (``PrinterFaultRecorder``): a fault opens an incident and sends
/// `device.fault`; the first good reading after it ends the incident and sends `device.recovered`.
public actor PrinterPool {
    /// One configured printer with what it prints with.
    struct Entry: Sendable {
        let configured: ConfiguredPrinter
        /// The ESC/POS model; nil for an office printer taking PDF pages.
        let profile: PrinterProfile?
        let renderer: EscPosRenderer?
    }

    private let entries: [Entry]
    private let ticketTemplate: PrintTemplate
    private let pageRenderer: PageRenderer
    private let client: CupsClient
    private let recorder: PrinterFaultRecorder
    private let metrics: OfficeMetrics
    private var health: [String: PrinterHealth] = [:]
    /// Since when each printer has said `connecting-to-device` without a break.
    private var connectingSince: [String: Date] = [:]
    private var incidents: [String: Incident] = [:]
    private var loadedIncidents = false

    /// The profile a ticket printer without `profile` prints with.
    public static let defaultTicketProfile = "generic-escpos-80mm"

    /// Sets the printers up; a profile that is not in `profiles` or a font that cannot be opened is refused
    /// with the configuration key and the reason.
    public init(
        printers: [ConfiguredPrinter], profiles: PrinterProfileCatalog, ticketTemplate: PrintTemplate, client: CupsClient,
        engine: QueueEngine, store: QueueStore, logger: Logger
    ) throws(DeviceSetupError) {
        var entries: [Entry] = []
        for (index, printer) in printers.enumerated() {
            if printer.role == .document, printer.profile == nil {
                entries.append(Entry(configured: printer, profile: nil, renderer: nil))
                continue
            }
            let id = printer.profile ?? Self.defaultTicketProfile
            guard let profile = profiles.profile(id: id) else {
                throw DeviceSetupError(
                    key: printer.profile == nil ? "Devices/printers" : "printers[\(index)].profile",
                    reason: "no printer profile \"\(id)\" (known: \(profiles.profiles.map(\.id).sorted().joined(separator: ", ")))"
                )
            }
            do {
                entries.append(Entry(configured: printer, profile: profile, renderer: try EscPosRenderer(profile: profile)))
            } catch {
                throw DeviceSetupError(key: "printers[\(index)]", reason: "cannot open the ticket font: \(error)")
            }
        }
        self.entries = entries
        do {
            pageRenderer = try PageRenderer()
        } catch {
            throw DeviceSetupError(key: "printers", reason: "cannot open the document font: \(error)")
        }
        self.ticketTemplate = ticketTemplate
        self.client = client
        recorder = PrinterFaultRecorder(engine: engine, store: store, logger: logger)
        metrics = engine.metrics
        metrics.setDevices(kind: "printer", counts: ["ok": 0, "fault": 0, "not_monitored": entries.count])
    }

    /// Whether any printer prints tickets.
    public nonisolated var hasTicketPrinters: Bool { entries.contains { $0.configured.role == .ticket } }

    /// Prints `ticket` for `kiosk` on the first of its ticket printers that is ready; tries the next on
    /// any fault. Returns at once, unprinted, when no ticket printer serves that kiosk.
    public func printTicket(_ ticket: TicketPrintData, kiosk: String?) async -> PrintedTicket {
        let candidates = entries.filter { $0.configured.serves(kiosk: kiosk) }
        guard !candidates.isEmpty else {
            return PrintedTicket(printed: false, problems: ["no ticket printer serves kiosk \(kiosk ?? "(none)")"])
        }
        let document: PrintDocument
        do {
            document = try ticketTemplate.render(ticket.values)
        } catch {
            return PrintedTicket(printed: false, problems: ["\(error)"])
        }
        let title = "Vé \(ticket.ticket.number)"
        let outcome = await submitToFirstReady(candidates, title: title) { entry throws(PrintRenderError) in
            guard let renderer = entry.renderer else { throw .encoding("a ticket printer needs an ESC/POS profile") }
            return (try renderer.bytes(for: document), Cups.rawFormat)
        }
        return PrintedTicket(
            printed: outcome.job != nil, printer: outcome.job?.printer, job: outcome.job?.id, problems: outcome.problems
        )
    }

    /// Prints `document` `copies` times on the first printer of `role` that is ready (the next on a fault):
    /// ESC/POS for a thermal model, else A5 pages as PDF. Returns the queue and the CUPS job id.
    public func printDocument(
        _ document: PrintDocument, role: ConfiguredPrinter.Role, copies: Int, title: String
    ) async throws(DocumentPrintError) -> (printer: String, job: Int) {
        let candidates = entries.filter { $0.configured.role == role }
        guard !candidates.isEmpty else { throw .noPrinter(role: role.rawValue) }
        let pages = pageRenderer
        let outcome = await submitToFirstReady(candidates, title: title) { entry throws(PrintRenderError) in
            if let renderer = entry.renderer {
                let one = try renderer.bytes(for: document)
                return (Array((0..<copies).map { _ in one }.joined()), Cups.rawFormat)
            }
            let sheets = try pages.pages(for: document)
            do {
                let pdf = try PDFDocumentWriter(pageSize: pages.pageSize, title: title)
                    .document(pages: Array((0..<copies).map { _ in sheets }.joined()))
                return ([UInt8](pdf), "application/pdf")
            } catch {
                throw .encoding("cannot write the PDF: \(error)")
            }
        }
        if let job = outcome.job { return (job.printer, job.id) }
        if let renderProblem = outcome.renderProblem { throw .cannotRender(renderProblem) }
        throw .allFailed(outcome.problems)
    }

    /// What one print came to: the job, or why each printer tried could not take it.
    private struct Submission {
        var job: (printer: String, id: Int)?
        var problems: [String] = []
        /// Set when the document itself could not be made (the same on every printer of its kind).
        var renderProblem: String?
    }

    /// Sends the bytes `render` makes for each of `candidates` in turn, skipping those that cannot print
    /// now, until CUPS takes one; a printer whose submission fails is marked in fault.
    private func submitToFirstReady(
        _ candidates: [Entry], title: String,
        render: (Entry) throws(PrintRenderError) -> (bytes: [UInt8], format: String)
    ) async -> Submission {
        var outcome = Submission()
        for entry in candidates {
            let queue = entry.configured.queue
            let now = await refresh(queue)
            guard now.canPrint else {
                outcome.problems.append("\(queue): \(now.detail ?? now.name)")
                continue
            }
            let made: (bytes: [UInt8], format: String)
            do {
                made = try render(entry)
            } catch {
                outcome.problems.append("\(queue): \(error)")
                outcome.renderProblem = "\(error)"
                continue
            }
            do {
                let id = try await client.submit(printer: queue, title: title, bytes: made.bytes, format: made.format)
                outcome.job = (queue, id)
                return outcome
            } catch {
                let reason = Self.words(for: error)
                await update(queue, to: .fault(reason))
                outcome.problems.append("\(queue): \(reason)")
            }
        }
        return outcome
    }

    /// Reads every printer's state from CUPS and records what changed.
    public func checkAll() async {
        for entry in entries { _ = await refresh(entry.configured.queue) }
    }

    /// The printers as last read.
    public func snapshots() -> [PrinterSnapshot] {
        entries.map {
            PrinterSnapshot(
                queue: $0.configured.queue, role: $0.configured.role, kiosks: $0.configured.kiosks,
                profile: $0.profile?.id ?? "pdf-a5",
                model: $0.profile.map { "\($0.vendor) \($0.model)" } ?? "Máy in văn phòng, trang A5 (PDF)",
                health: health[$0.configured.queue] ?? .unknown
            )
        }
    }

    /// Reads `queue`'s state and records a change; returns the health.
    private func refresh(_ queue: String) async -> PrinterHealth {
        let now: PrinterHealth
        do {
            let status = try await client.printerState(queue)
            let since = status.isConnecting ? connectingSince[queue, default: Date()] : nil
            connectingSince[queue] = since
            now = PrinterHealth(status, connectingFor: since.map { Date().timeIntervalSince($0) } ?? 0)
        } catch {
            now = .fault(Self.words(for: error))
        }
        await update(queue, to: now)
        return now
    }

    private func update(_ queue: String, to new: PrinterHealth) async {
        if !loadedIncidents {
            incidents = recorder.openIncidents()
            loadedIncidents = true
        }
        let old = health[queue] ?? .unknown
        health[queue] = new
        if old.name != new.name { publishCounts() }
        switch new {
        case .fault(let reason) where old.canPrint:
            // A fault already open from before a restart goes on; no second incident.
            if incidents[queue] == nil { incidents[queue] = await recorder.fault(queue, reason: reason) }
        case .ok where !old.canPrint || incidents[queue] != nil:
            // Back from a fault, or the first good reading after a restart with the fault still open.
            let incident = incidents.removeValue(forKey: queue)
            await recorder.recovered(queue, ending: incident)
        default:
            break
        }
    }

    /// `motcua_devices{kind="printer",state}`: how many printers are ok, in fault, not read yet.
    private func publishCounts() {
        var counts = ["ok": 0, "fault": 0, "not_monitored": 0]
        for entry in entries {
            switch health[entry.configured.queue] ?? .unknown {
            case .ok: counts["ok", default: 0] += 1
            case .fault: counts["fault", default: 0] += 1
            case .unknown: counts["not_monitored", default: 0] += 1
            }
        }
        metrics.setDevices(kind: "printer", counts: counts)
    }

    /// A CUPS error in the administrator's words.
    public static func words(for error: any Error) -> String {
        guard let error = error as? CupsError else { return "\(error)" }
        if error.code == .notFound { return "không có hàng in này trong CUPS (no such CUPS queue): \(error.message)" }
        if error.code == .connectionFailed { return "không kết nối được CUPS (cannot reach the scheduler at \(error.server)): \(error.message)" }
        if error.code == .notAcceptingJobs { return "hàng in không nhận lệnh in (not accepting jobs): \(error.message)" }
        return "CUPS: \(error.message) [\(error.code)]"
    }
}
