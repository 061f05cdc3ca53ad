import Foundation
import Logging
import Workflow

/// Where `Calendars/holidays-vn.json` is: beside the checkout the executable was built in, or where a
/// package installs it.
enum HolidayCalendarFile {
    /// The file's name inside a `Calendars/` folder.
    static let name = "holidays-vn.json"
    /// Installed `Calendars/` folders, tried after the checkout.
    static let installed = ["/usr/local/share/motcua/Calendars", "/usr/share/motcua/Calendars"]

    /// The first `Calendars/holidays-vn.json` walking up from the executable's real path, then the installed ones.
    static func locate(executable: String = CommandLine.arguments[0]) -> String? {
        let fm = FileManager.default
        let real = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? executable
        var folder = URL(fileURLWithPath: real).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Calendars").appendingPathComponent(name).path
            if fm.fileExists(atPath: candidate) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return installed.map { ($0 as NSString).appendingPathComponent(name) }.first { fm.fileExists(atPath: $0) }
    }

    /// The standard working calendar over the holiday table found; fails start-up when there is none or it is bad.
    static func workingCalendar(logger: Logger) throws -> WorkingCalendar {
        guard let path = locate() else {
            throw DaemonError(message: "không tìm thấy lịch nghỉ \(name) (looked beside the executable and in \(installed.joined(separator: ", ")))")
        }
        let table: HolidayTable
        do {
            table = try HolidayTable(json: try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw DaemonError(message: "lịch nghỉ \(path) sai (bad holiday table): \(error)")
        }
        for warning in table.warnings {
            logger.warning("holiday table", metadata: ["file": "\(path)", "warning": "\(warning)"])
        }
        logger.info("holiday table loaded", metadata: ["file": "\(path)", "years": "\(table.years.count)"])
        return WorkingCalendar.standard(holidays: table)
    }
}
