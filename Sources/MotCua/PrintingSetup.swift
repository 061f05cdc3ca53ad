import Cups
import DeviceProfiles
import Foundation
import Logging
import MotCuaConfig
import PrintLayout
import Printing
import QueueService
import Store

/// The office's printers from its configuration: the printer profiles in `Devices/printers`, the ticket
/// template in `Templates/printing/LANG/ticket.txt` (or the office's own), CUPS at `CUPS_SERVER` or the
/// system's scheduler.
enum PrintingSetup {
    /// The pool, or nil when no printer is configured. A broken profile file, an unknown profile id or a
    /// broken template stops the start, naming the file or key and the reason.
    static func pool(
        for configuration: MotCuaConfiguration, engine: QueueEngine, store: QueueStore, logger: Logger
    ) throws -> PrinterPool? {
        let printers = configuration.allPrinters
        guard !printers.isEmpty else { return nil }
        let catalog = try profiles()
        let language = configuration.printingLanguage ?? configuration.pageLanguage
        let template = try ticketTemplate(language: language, site: configuration.printingTemplates)
        do {
            return try PrinterPool(
                printers: printers, profiles: catalog, ticketTemplate: template, client: CupsClient(),
                engine: engine, store: store, logger: logger
            )
        } catch {
            throw DaemonError(message: "máy in (printers): \(error)")
        }
    }

    /// Every printer profile shipped in `Devices/printers`.
    static func profiles() throws -> PrinterProfileCatalog {
        guard let devices = ShareFolder.find("Devices", containing: "printers") else {
            throw DaemonError(message: "không tìm thấy thư mục Devices (looked beside the executable and in \(ShareFolder.installed("Devices").joined(separator: ", ")))")
        }
        do {
            return try PrinterProfileLoader(folder: devices + "/printers").load()
        } catch {
            throw DaemonError(message: "hồ sơ máy in (printer profile): \(error)")
        }
    }

    /// The ticket template for `language`: the office's own when its folder has one, else the built-in.
    static func ticketTemplate(language: String, site: String?) throws -> PrintTemplate {
        try template("ticket", language: language, site: site)
    }

    /// The print template `name` (`ticket`, `test`) for `language`: the office's own
    /// (`printing.templates/LANG/NAME.txt`) when there is one, else the built-in.
    static func template(_ name: String, language: String, site: String?) throws -> PrintTemplate {
        var candidates: [String] = []
        if let site { candidates.append("\(site)/\(language)/\(name).txt") }
        if let builtIn = ShareFolder.find("Templates", containing: "printing") {
            candidates.append("\(builtIn)/printing/\(language)/\(name).txt")
        }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw DaemonError(message: "không tìm thấy mẫu in \(name) (no print template; looked for \(candidates.joined(separator: ", ")))")
        }
        do {
            return try PrintTemplate(contentsOf: path)
        } catch {
            throw DaemonError(message: "mẫu in (print template) \(error)")
        }
    }
}
