import Foundation
import MotCuaConfig
import Web

/// Where the built-in `Templates/` folder is: beside the checkout the executable was built in, or
/// where a package installs it.
enum TemplatesFolder {
    /// Installed locations, tried after the checkout.
    static let installed = ShareFolder.installed("Templates")

    /// The first folder with `pages/` in it: beside the checkout, then the installed locations.
    static func builtIn(executable: String = CommandLine.arguments[0]) -> String? {
        ShareFolder.find("Templates", containing: "pages", executable: executable)
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
