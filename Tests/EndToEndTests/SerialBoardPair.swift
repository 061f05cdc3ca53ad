import CupsTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A device on a serial line without hardware (TESTING.md, "Serial boards"): socat joins two
/// pseudo-terminals; the daemon uses `daemonPath`, the test reads what an LED board would receive on the
/// other end, or writes what a serial-mode scanner would send. Stopping socat is unplugging the board: both links disappear and the daemon's port goes dead.
final class SerialBoardPair: @unchecked Sendable {
    // @unchecked: used by the one test that owns it, one call at a time.
    let folder: URL
    /// The port the daemon is configured with.
    var daemonPath: String { folder.appendingPathComponent("ttyDAEMON").path }
    private var boardPath: String { folder.appendingPathComponent("ttyBOARD").path }
    private var socat: SpawnedProcess?
    private var board: Int32 = -1
    /// Bytes read from the board's end and not yet taken by ``frames(_:within:)``.
    private var pending: [UInt8] = []

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-board-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        if board >= 0 { close(board) }
        if let socat, !socat.hasEnded { kill(socat.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Plugs the board in: starts socat, waits for both links and opens the board's end.
    func plugIn() async throws {
        let log = folder.appendingPathComponent("socat.log")
        let process = try SpawnedProcess("/usr/bin/socat", [
            "-d", "-d", "pty,raw,echo=0,link=\(daemonPath)", "pty,raw,echo=0,link=\(boardPath)",
        ], log: log)
        socat = process
        let boardPath = self.boardPath
        let daemonPath = self.daemonPath
        board = try await eventually("socat's two pseudo-terminals", within: .seconds(10)) { () -> Int32? in
            guard FileManager.default.fileExists(atPath: daemonPath) else { return nil }
            let fd = open(boardPath, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
            return fd >= 0 ? fd : nil
        }
        pending = []
    }

    /// Unplugs it: stops socat, which removes both links; the daemon's open port fails its next write.
    func unplug() async {
        await socat?.stop()
        socat = nil
        if board >= 0 { close(board) }
        board = -1
    }

    /// Reads until `count` whole frames have arrived, a frame of the STX/ETX/XOR boards being everything
    /// up to ETX (0x03) and the checksum byte after it (addresses 1 and 2 only: an address 3 would read as
    /// ETX). Returns them in order and keeps the rest.
    func frames(_ count: Int, within limit: Duration = .seconds(10)) async throws -> [[UInt8]] {
        try await eventually("\(count) frame(s) on the board (so far: \(pending.map { String(format: "%02x", $0) }.joined(separator: " ")))", within: limit) {
            readAvailable()
            var frames: [[UInt8]] = []
            var rest = pending[...]
            while let end = rest.firstIndex(of: 0x03), end + 1 < rest.endIndex {
                frames.append(Array(rest[rest.startIndex...(end + 1)]))
                rest = rest[(end + 2)...]
            }
            guard frames.count >= count else { return nil }
            let taken = frames.prefix(count)
            pending.removeFirst(taken.reduce(0) { $0 + $1.count })
            return Array(taken)
        }
    }

    /// What arrived and was not taken as a frame, after waiting `quiet` for more.
    func leftover(after quiet: Duration = .milliseconds(500)) async throws -> [UInt8] {
        try await Task.sleep(for: quiet)
        readAvailable()
        return pending
    }

    /// Writes `bytes` from the device's end, as a serial-mode scanner sends a code.
    func send(_ bytes: [UInt8]) throws {
        let fd = open(boardPath, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw E2EError("cannot open \(boardPath) for writing") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw E2EError("wrote \(written) of \(bytes.count) bytes to \(boardPath)") }
    }

    private func readAvailable() {
        guard board >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(board, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            pending += buffer[..<count]
        }
    }
}
