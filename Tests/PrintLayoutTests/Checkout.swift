import Foundation

/// Folders of the checkout the tests run from.
enum Checkout {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let printers = root.appendingPathComponent("Devices/printers").path
    static func ticketTemplate(_ language: String) -> String {
        root.appendingPathComponent("Templates/printing/\(language)/ticket.txt").path
    }

    /// `artifacts/printing` in the checkout (or `$MOTCUA_ARTIFACTS/printing`), created if needed.
    static func artifacts() throws -> URL {
        let environment = ProcessInfo.processInfo.environment["MOTCUA_ARTIFACTS"] ?? ""
        let base = environment.isEmpty ? root.appendingPathComponent("artifacts") : URL(fileURLWithPath: environment)
        let folder = base.appendingPathComponent("printing")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
