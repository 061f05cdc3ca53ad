import Foundation

/// Input devices without hardware (TESTING.md, "udev and input"): a umockdev description of a USB barcode
/// scanner and a USB numeric keypad, each with its stable `/dev/input/by-id/` link, and evemu recordings of
/// what they send, replayed by `umockdev-run` to the daemon started under it.
///
/// umockdev plays a recording from the moment the device is opened, keeping the gaps between events;
/// the recordings here start with a pause and repeat their action, so that a test that needs the daemon
/// ready (a page listening, a ticket waiting) still sees one after it is.
struct MockedInputDevices {
    let folder: URL
    static let scannerLink = "/dev/input/by-id/usb-Honeywell_Imaging_Mobility_1900-event-kbd"
    static let keypadLink = "/dev/input/by-id/usb-Generic_USB_Keypad-event-kbd"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-inputs-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Removes the descriptions and recordings, once the daemon that replays them has stopped.
    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// `umockdev-run` with both devices, the scanner typing `scanned` and the keypad pressing `keys`
    /// (Linux key codes), each every `every` seconds after `first` seconds, `times` times.
    func launcher(scanned: String, keys: [UInt16], first: Double = 3, every: Double = 3, times: Int = 10) throws -> [String] {
        let devices = folder.appendingPathComponent("devices.umockdev")
        try Self.description.write(to: devices, atomically: true, encoding: .utf8)
        let scan = folder.appendingPathComponent("scanner.events")
        try Self.recording(Self.keystrokes(scanned), first: first, every: every, times: times).write(to: scan, atomically: true, encoding: .utf8)
        let pad = folder.appendingPathComponent("keypad.events")
        let presses: [(type: UInt16, code: UInt16, value: Int32)] = keys.flatMap { key in
            [(type: UInt16(1), code: key, value: Int32(1)), (0, 0, 0), (1, key, 0), (0, 0, 0)]
        }
        try Self.recording(presses, first: first + 1, every: every, times: times).write(to: pad, atomically: true, encoding: .utf8)
        return [
            "/usr/bin/umockdev-run", "-d", devices.path,
            "-e", "/dev/input/event9=\(scan.path)", "-e", "/dev/input/event10=\(pad.path)", "--",
        ]
    }

    /// The scanner and the keypad as udev and sysfs show them, with their by-id links (`S:`), from
    /// Tests/Harness/devices (shared with the browser and hot-plug tests).
    static var description: String {
        get throws {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Harness/devices")
            return try ["scanner", "keypad"].map {
                try String(contentsOf: folder.appendingPathComponent("\($0).umockdev"), encoding: .utf8)
            }.joined(separator: "\n")
        }
    }

    /// The events a US keyboard sends for `text` then Enter: shift held around capitals, a press and a
    /// release per key, SYN after each (codes from <linux/input-event-codes.h>).
    static func keystrokes(_ text: String) -> [(type: UInt16, code: UInt16, value: Int32)] {
        var codes: [Character: UInt16] = ["-": 12, ".": 52]
        for (offset, digit) in "1234567890".enumerated() { codes[digit] = UInt16(2 + offset) }
        for (offset, letter) in "qwertyuiop".enumerated() { codes[letter] = UInt16(16 + offset) }
        for (offset, letter) in "asdfghjkl".enumerated() { codes[letter] = UInt16(30 + offset) }
        for (offset, letter) in "zxcvbnm".enumerated() { codes[letter] = UInt16(44 + offset) }
        var events: [(UInt16, UInt16, Int32)] = []
        func key(_ code: UInt16, _ value: Int32) { events += [(1, code, value), (0, 0, 0)] }
        for character in text {
            let code = codes[Character(character.lowercased())]!
            if character.isUppercase { key(42, 1) }
            key(code, 1)
            key(code, 0)
            if character.isUppercase { key(42, 0) }
        }
        key(28, 1)
        key(28, 0)
        return events
    }

    /// An evemu `.events` file: a SYN at once, then `events` after `first` seconds and again every `every`.
    static func recording(_ events: [(type: UInt16, code: UInt16, value: Int32)], first: Double, every: Double, times: Int) -> String {
        var lines = ["E: 0.000000 0000 0000 0000"]
        for round in 0..<times {
            let at = first + Double(round) * every
            for (index, event) in events.enumerated() {
                let time = at + Double(index) * 0.002
                lines.append(String(format: "E: %.6f %04x %04x %d", time, event.type, event.code, event.value))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
