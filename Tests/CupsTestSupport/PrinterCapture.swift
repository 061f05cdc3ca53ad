import Foundation

/// A stand-in for a network thermal printer: socat listening on 127.0.0.1 and appending every byte it
/// receives to a file, as a JetDirect (port 9100) printer would take them.
public final class PrinterCapture {
    /// The port it listens on.
    public let port: Int
    /// Where the bytes go.
    public let file: URL
    private let process: SpawnedProcess

    private init(port: Int, file: URL, process: SpawnedProcess) {
        self.port = port
        self.file = file
        self.process = process
    }

    /// Starts socat and waits until it accepts connections.
    public static func start(port: Int, file: URL, log: URL) async throws -> PrinterCapture {
        let process = try SpawnedProcess(
            PrivateCups.socat,
            ["-u", "TCP-LISTEN:\(port),bind=127.0.0.1,reuseaddr,fork", "OPEN:\(file.path),creat,append"],
            log: log
        )
        let capture = PrinterCapture(port: port, file: file, process: process)
        do {
            _ = try await eventually("socat to listen on 127.0.0.1:\(port)", within: .seconds(10)) { () throws -> Bool? in
                guard !process.hasEnded else {
                    let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                    throw TestFailure("socat exited early: \(said)")
                }
                return LocalPort.isListening(port) ? true : nil
            }
        } catch {
            await capture.stop()
            throw error
        }
        return capture
    }

    /// The bytes received so far.
    public func bytes() -> [UInt8] {
        (try? Data(contentsOf: file)).map { [UInt8]($0) } ?? []
    }

    /// Waits until at least `count` bytes have arrived and returns all of them.
    public func waitForBytes(_ count: Int, within limit: Duration = .seconds(20)) async throws -> [UInt8] {
        try await eventually("\(count) bytes to reach the printer on port \(port)", within: limit) {
            let bytes = self.bytes()
            return bytes.count >= count ? bytes : nil
        }
    }

    /// Stops the listener (the printer goes offline).
    public func stop() async {
        await process.stop()
    }
}
