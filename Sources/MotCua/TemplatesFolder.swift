import Foundation
import MotCuaConfig
import Web

/// Where the built-in `Templates/` folder is: beside the checkout the executable was built in, or
/// where a package installs it.
enum TemplatesFolder {
    /// Installed locations, tried after the checkout.
    static let installed = ["/usr/local/share/motcua/Templates", "/usr/share/motcua/Templates"]

    /// The first folder with `pages/` in it: walking up from the executable's real path (a checkout's
    /// `.build/…/debug/motcua` finds the checkout's `Templates/`), then the installed locations.
    static func builtIn(executable: String = CommandLine.arguments[0]) -> String? {
        let fm = FileManager.default
        let real = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? executable
        var folder = URL(fileURLWithPath: real).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Templates").path
            if fm.fileExists(atPath: candidate + "/pages") { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return installed.first { fm.fileExists(atPath: $0 + "/pages") }
    }

    /// The pages of `configuration`: the built-in folder with the office's `pages.templates` over it.
    /// The error names the file at fault and what is wrong with it.
    static func pages(for configuration: MotCuaConfiguration) throws -> (PageTemplates, folder: String) {
        guard let folder = builtIn() else {
            throw DaemonError(message: "không tìm thấy thư mục Templates (looked beside the executable and in \(installed.joined(separator: ", ")))")
        }
        do {
            let pages = try PageTemplates(
                builtIn: folder, site: configuration.pageTemplates,
                defaultLanguage: PageLanguage(rawValue: configuration.pageLanguage) ?? .vi
            )
            return (pages, folder)
        } catch {
            throw DaemonError(message: "mẫu trang (pages.templates): \(error)")
        }
    }
}
