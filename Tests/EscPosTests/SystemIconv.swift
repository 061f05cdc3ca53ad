import Foundation

/// glibc's iconv, run as a process, as the reference for the code page encoders.
enum SystemIconv {
    static let path = "/usr/bin/iconv"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// The bytes of `text` in `charset`, or nil when iconv refuses it.
    static func convert(_ text: String, to charset: String) throws -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-f", "UTF-8", "-t", charset]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](data) : nil
    }
}
