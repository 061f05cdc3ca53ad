import Foundation

/// A real IPP printer (CUPS's ippeveprinter) that keeps every job it receives, with a print command
/// that reports the paper as out: its first job completes and leaves `media-empty` reported; every
/// later job stays processing while CUPS shows `media-empty-warning` (TESTING.md, "CUPS").
public final class IppEvePrinter {
    public static let executable = "/usr/sbin/ippeveprinter"

    /// The port it listens on.
    public let port: Int
    /// Its IPP URI, for a CUPS queue's device.
    public var uri: String { "ipp://localhost:\(port)/ipp/print" }
    private let process: SpawnedProcess

    private init(port: Int, process: SpawnedProcess) {
        self.port = port
        self.process = process
    }

    /// Starts a paper-out printer in `directory` (created) and waits until it accepts connections.
    public static func startOutOfPaper(in directory: URL) async throws -> IppEvePrinter {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw TestFailure("\(executable) is missing: run `scripts/ensure-packages.sh test` as root "
                + "(it installs cups-ipp-utils)")
        }
        try await DNSSD.ensureRunning()
        let spool = directory.appendingPathComponent("spool")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("paper-out.sh")
        try "#!/bin/sh\necho 'STATE: +media-empty,media-needed' >&2\nexit 0\n"
            .write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        let port = try LocalPort.free()
        let process = try SpawnedProcess(
            executable,
            [
                "-p", String(port), "-n", "localhost", "-d", spool.path, "-k",
                "-f", "application/octet-stream,application/vnd.cups-raw", "-F", "application/octet-stream",
                "-c", script.path, "motcua-thermal-\(port)",
            ],
            log: directory.appendingPathComponent("ippeveprinter.log")
        )
        let printer = IppEvePrinter(port: port, process: process)
        do {
            _ = try await eventually("ippeveprinter to listen on port \(port)", within: .seconds(15)) { () throws -> Bool? in
                guard !process.hasEnded else {
                    let said = (try? String(contentsOf: directory.appendingPathComponent("ippeveprinter.log"), encoding: .utf8)) ?? ""
                    throw TestFailure("ippeveprinter exited early: \(said)")
                }
                return LocalPort.isListening(port) ? true : nil
            }
        } catch {
            await printer.stop()
            throw error
        }
        return printer
    }

    /// Stops the printer.
    public func stop() async {
        await process.stop()
    }
}
