import CupsTestSupport
import Foundation
import Testing

/// A device model file that is broken stops the daemon at start, naming the file and what is wrong: an
/// installation whose Devices/ folder holds it (a copy of the binary beside a copy of the data folders,
/// found the way an installed motcua finds them).
@Suite("A broken device profile at start")
struct BrokenProfileStartTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A folder with `bin/motcua`, the shipped Templates and Calendars, and a Devices/ copy with `broken`
    /// written into `Devices/KIND/broken.json`.
    static func installation(kind: String, broken: String) throws -> URL {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("motcua-install-\(UUID().uuidString.prefix(8))")
        try fm.createDirectory(at: folder.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.copyItem(at: DaemonProcess.binary, to: folder.appendingPathComponent("bin/motcua"))
        for name in ["Templates", "Calendars"] {
            try fm.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: root.appendingPathComponent(name))
        }
        try fm.copyItem(at: root.appendingPathComponent("Devices"), to: folder.appendingPathComponent("Devices"))
        try broken.write(to: folder.appendingPathComponent("Devices/\(kind)/broken.json"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("a broken board or input profile stops config check and serve with the file and the reason", arguments: [
        ("boards", #"{"id": "b", "vendor": "V", "model": "M", "source": "s", "characters": 4, "frame": ["0x02", "text", "crc16"]}"#,
         #"frame[2] "crc16" is not a byte"#),
        ("inputs", #"{"id": "k", "vendor": "V", "model": "M", "source": "s", "role": "keypad", "keys": {"KEY_KP1": "call"}}"#,
         #""keys.KEY_KP1" is impossible"#),
    ])
    func refused(kind: String, json: String, words: String) async throws {
        let install = try Self.installation(kind: kind, broken: json)
        defer { try? FileManager.default.removeItem(at: install) }
        let binary = install.appendingPathComponent("bin/motcua")
        let state = install.appendingPathComponent("state")
        let config = install.appendingPathComponent("motcua.yaml")
        try (DaemonProcess.config + "\nkeypads:\n  - {path: /dev/input/by-id/usb-x-event-kbd, counter: 1}\nboards:\n  - {path: /dev/serial/by-id/usb-x, counter: 1}\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let file = install.appendingPathComponent("Devices/\(kind)/broken.json").path

        let check = try runCapturing(binary, ["config", "check", "--config", config.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains(file) && check.stderr.contains(words), "config check names the file and why: \(check.stderr)")

        let port = try LocalPort.free()
        let serve = try runCapturing(binary, ["serve", "--config", config.path, "--state-dir", state.path, "--http", "127.0.0.1:\(port)"])
        #expect(serve.status != 0, "the daemon does not start")
        #expect((serve.stdout + serve.stderr).contains(file) && (serve.stdout + serve.stderr).contains(words), "serve says why: \(serve.stderr)")
    }
}
