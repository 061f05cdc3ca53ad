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
        let template = try template("ticket", for: configuration)
        do {
            return try PrinterPool(
                // A kiosk waits for its print: a scheduler that does not answer in 3 s counts as a fault.
                printers: printers, profiles: catalog, ticketTemplate: template, client: CupsClient(timeout: .seconds(3)),
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

    /// The print templates in the office's language (`printing.language`, else `pages.language`): its own
    /// folder (`printing.templates`) over the built-in `Templates/printing`.
    static func templates(for configuration: MotCuaConfiguration) -> PrintTemplateFolder {
        PrintTemplateFolder(
            builtIn: ShareFolder.find("Templates", containing: "printing").map { $0 + "/printing" },
            site: configuration.printingTemplates,
            language: configuration.printingLanguage ?? configuration.pageLanguage
        )
    }

    /// The print template `name` (`ticket`, `test`, `receipt`) of `configuration`; a missing or broken one
    /// is an error naming the file and the reason.
    static func template(_ name: String, for configuration: MotCuaConfiguration) throws -> PrintTemplate {
        do {
            return try templates(for: configuration).template(named: name)
        } catch {
            throw DaemonError(message: "mẫu in (print template) \(error)")
        }
    }

    /// What a start would refuse about the printers of `configuration`: an unknown profile, a broken profile
    /// file, a broken ticket, test or receipt template.
    static func check(_ configuration: MotCuaConfiguration) throws {
        let printers = configuration.allPrinters
        guard !printers.isEmpty else { return }
        let catalog = try profiles()
        for (index, printer) in configuration.printers.enumerated() {
            if let id = printer.profile, catalog.profile(id: id) == nil {
                throw DaemonError(message: "printers[\(index)].profile: no printer profile \"\(id)\" (known: \(catalog.profiles.map(\.id).sorted().joined(separator: ", ")))")
            }
        }
        for name in ["ticket", "test", "receipt"] { _ = try template(name, for: configuration) }
    }
}
