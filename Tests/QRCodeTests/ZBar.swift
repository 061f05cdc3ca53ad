import Foundation

/// Reads QR codes back with `zbarimg` from Debian's zbar-tools, an independent decoder.
enum ZBar {
    static let executable = "/usr/bin/zbarimg"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The bytes of the one symbol in `pbm`, exactly as encoded.
    ///
    /// `--raw` prints only the data, `-Sbinary` keeps it as the encoded bytes (no character set
    /// guessing and no trailing newline), `-q` drops the summary line.
    static func decode(pbm: [UInt8]) throws -> [UInt8] {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure(description: "\(executable) is missing: install zbar-tools "
                + "(apt-get install --no-install-recommends zbar-tools) to run the QR code decoding tests")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qrcode-test-\(UUID().uuidString).pbm")
        try Data(pbm).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--raw", "-q", "-Sbinary", file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            // 4 means that no symbol was found.
            throw Failure(description: "zbarimg exited with status \(process.terminationStatus): "
                + String(decoding: message, as: UTF8.self))
        }
        return [UInt8](data)
    }

    /// The text of the one symbol in `pbm`, decoded as UTF-8.
    static func decodeText(pbm: [UInt8]) throws -> String {
        String(decoding: try decode(pbm: pbm), as: UTF8.self)
    }
}
