import Foundation

/// A Debian command-line tool the tests run as a reference (ImageMagick, Poppler, pngcheck).
struct ExternalTool {
    /// The tool's absolute path, e.g. /usr/bin/pdfinfo.
    let path: String
    /// The Debian package that installs it, named when it is missing.
    let package: String

    static let convert = ExternalTool(path: "/usr/bin/convert", package: "imagemagick")
    static let pngcheck = ExternalTool(path: "/usr/bin/pngcheck", package: "pngcheck")
    static let pdfinfo = ExternalTool(path: "/usr/bin/pdfinfo", package: "poppler-utils")
    static let pdftoppm = ExternalTool(path: "/usr/bin/pdftoppm", package: "poppler-utils")

    /// How one run ended and what it printed (standard output and error together).
    struct Output {
        let status: Int32
        let text: String
    }

    /// Runs the tool with `arguments`; throws, naming the package to install, when it is not there.
    func run(_ arguments: [String]) throws -> Output {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Missing(path: path, package: package)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
    }

    /// The tool is not installed.
    struct Missing: Error, CustomStringConvertible {
        let path: String
        let package: String
        var description: String {
            "\(path) is missing: install the Debian package \(package) (apt-get install -y \(package))"
        }
    }
}
