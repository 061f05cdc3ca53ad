import DeviceProfiles
import Foundation
import Testing

/// Scanners and keypads as data: the shipped models load, a keypad's key names become the key codes
/// the kernel sends, and a broken profile is refused naming the file and the reason.
@Suite("Scanner and keypad profiles")
struct InputProfileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Devices/inputs").path

    @Test("the shipped models load: a serial and a keyboard-mode scanner, a keypad whose keys 1–6 and Enter are the counter's actions")
    func shipped() throws {
        let profiles = try DeviceProfileLoader<InputProfile>(folder: Self.folder).load()
        #expect(profiles.map(\.id) == ["generic-serial-barcode-scanner", "generic-usb-barcode-scanner", "generic-usb-numeric-keypad"])
        #expect(profiles[0].role == .scanner && profiles[0].serial == BoardSerialSettings(baud: 9600, dataBits: 8, parity: .none, stopBits: 1))
        #expect(profiles[1].role == .scanner && profiles[1].keys.isEmpty && profiles[1].serial == nil)
        let keypad = profiles[2]
        #expect(keypad.role == .keypad)
        // KEY_KP1 = 79, KEY_KP2 = 80, KEY_KP3 = 81, KEY_KP4 = 75, KEY_KP5 = 76, KEY_KP6 = 77, KEY_KPENTER = 96.
        #expect(keypad.keys == [79: .next, 96: .next, 80: .recall, 81: .start, 75: .done, 76: .noShow, 77: .pause])
    }

    @Test("broken profiles are refused with the file and what is wrong", arguments: [
        (#"{"id": "k", "vendor": "v", "model": "m", "source": "s", "role": "keypad", "keys": {"KEY_KP11": "next"}}"#,
         #"input profile Devices/inputs/broken.json "keys" is impossible: "KEY_KP11" is not a key name"#),
        (#"{"id": "k", "vendor": "v", "model": "m", "source": "s", "role": "keypad", "keys": {"KEY_KP1": "call"}}"#,
         #"input profile Devices/inputs/broken.json "keys.KEY_KP1" is impossible"#),
        (#"{"id": "k", "vendor": "v", "model": "m", "source": "s", "role": "keypad"}"#,
         #""keys" is impossible: a keypad needs at least one key"#),
        (#"{"id": "s", "vendor": "v", "model": "m", "source": "s", "role": "scanner", "keys": {"KEY_KP1": "next"}}"#,
         #""keys" is impossible: a scanner types what it scans"#),
        (#"{"id": "s", "vendor": "v", "model": "m", "source": "s", "role": "printer"}"#, #""role" is impossible"#),
        (#"{"id": "k", "vendor": "v", "model": "m", "source": "s", "role": "keypad", "keys": {"KEY_KP1": "next"}, "serial": {"baud": 9600, "dataBits": 8, "parity": "none", "stopBits": 1}}"#,
         #""serial" is impossible: only a scanner can be in serial mode"#),
        (#"{"id": "s", "vendor": "v", "model": "m", "source": "s", "role": "scanner", "serial": {"baud": 9601, "dataBits": 8, "parity": "none", "stopBits": 1}}"#,
         #""serial.baud" is impossible: 9601"#),
        (#"{"id": "S", "vendor": "v", "model": "m", "source": "s", "role": "scanner"}"#, #""id" is impossible"#),
    ])
    func broken(json: String, words: String) {
        #expect {
            _ = try DeviceProfileLoader<InputProfile>.decode(Data(json.utf8), file: "Devices/inputs/broken.json")
        } throws: { error in
            "\(error)".contains(words)
        }
    }
}
