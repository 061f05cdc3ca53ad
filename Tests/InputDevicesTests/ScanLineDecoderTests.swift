import DeviceProfiles
@testable import InputDevices
import QueueCore
import Testing

/// What a keyboard-mode scanner typed, from its key events: the US layout, shift, caps lock, Enter.
@Suite("Scan line decoder")
struct ScanLineDecoderTests {
    /// The events a US-layout keyboard sends for `text` and Enter: shift around capitals and symbols,
    /// a key press and release each, SYN after each (written out here with the codes of
    /// <linux/input-event-codes.h>, not from the decoder's table).
    static func keystrokes(_ text: String, enter: UInt16 = 28) -> [InputEvent] {
        // <linux/input-event-codes.h>: KEY_1 = 2 … KEY_0 = 11, KEY_Q = 16 …, KEY_A = 30 …, KEY_Z = 44 …
        var plain: [Character: UInt16] = [
            "0": 11, "1": 2, "2": 3, "3": 4, "4": 5, "5": 6, "6": 7, "7": 8, "8": 9, "9": 10,
            "-": 12, "_": 12, "=": 13, ".": 52, "/": 53, "?": 53, ":": 39, " ": 57,
        ]
        for (offset, letter) in "qwertyuiop".enumerated() { plain[letter] = UInt16(16 + offset) }
        for (offset, letter) in "asdfghjkl".enumerated() { plain[letter] = UInt16(30 + offset) }
        for (offset, letter) in "zxcvbnm".enumerated() { plain[letter] = UInt16(44 + offset) }
        let needsShift: Set<Character> = [":", "?", "_"]
        var events: [InputEvent] = []
        func key(_ code: UInt16, _ value: Int32) {
            events.append(InputEvent(type: 1, code: code, value: value))
            events.append(InputEvent(type: 0, code: 0, value: 0))
        }
        for character in text {
            let lower = Character(character.lowercased())
            let code = plain[lower]!
            let shift = character.isUppercase || needsShift.contains(character)
            if shift { key(42, 1) }
            key(code, 1)
            key(code, 0)
            if shift { key(42, 0) }
        }
        key(enter, 1)
        key(enter, 0)
        return events
    }

    static func decode(_ events: [InputEvent]) -> [String] {
        var decoder = ScanLineDecoder()
        return events.compactMap { decoder.feed($0) }
    }

    @Test("a dossier code scanned and ended with Enter is one line, exactly as printed")
    func dossierCode() {
        #expect(Self.decode(Self.keystrokes("000.00.19.H47-260105-0001")) == ["000.00.19.H47-260105-0001"])
    }

    @Test("shifted characters: a link from a QR code keeps its colon, question mark and capitals")
    func shifted() {
        let link = "https://motcua.vn/tra-cuu?ma=000.00.19.H47-260105-0001"
        #expect(Self.decode(Self.keystrokes(link)) == [link])
    }

    @Test("two scans are two lines; keypad Enter and Tab end a line too; an empty line is nothing")
    func lines() {
        let events = Self.keystrokes("ABC-1") + Self.keystrokes("", enter: 28) + Self.keystrokes("x.2", enter: 96) + Self.keystrokes("q7", enter: 15)
        #expect(Self.decode(events) == ["ABC-1", "x.2", "q7"])
    }

    @Test("caps lock turns letters to capitals, not digits; shift with caps lock gives small letters")
    func capsLock() {
        var events = [InputEvent(type: 1, code: 58, value: 1), InputEvent(type: 1, code: 58, value: 0)]
        events += Self.keystrokes("h4")
        events += [InputEvent(type: 1, code: 42, value: 1), InputEvent(type: 1, code: 30, value: 1),
                   InputEvent(type: 1, code: 30, value: 0), InputEvent(type: 1, code: 42, value: 0),
                   InputEvent(type: 1, code: 28, value: 1)]
        #expect(Self.decode(events) == ["H4", "a"])
    }

    @Test("auto-repeat and releases type nothing; keys with no character are ignored; backspace removes one")
    func repeatsAndBackspace() {
        let events = [
            InputEvent(type: 1, code: 2, value: 1), InputEvent(type: 1, code: 2, value: 2), InputEvent(type: 1, code: 2, value: 0),
            InputEvent(type: 1, code: 59, value: 1), // F1
            InputEvent(type: 1, code: 3, value: 1), InputEvent(type: 1, code: 14, value: 1), InputEvent(type: 1, code: 4, value: 1),
            InputEvent(type: 4, code: 4, value: 458_782), // EV_MSC scan code
            InputEvent(type: 1, code: 28, value: 1),
        ]
        #expect(Self.decode(events) == ["13"])
    }

    @Test("a line longer than 512 characters is garbage and is dropped; the next scan is read")
    func overlong() {
        let events = Self.keystrokes(String(repeating: "1", count: 600)) + Self.keystrokes("A-1")
        #expect(Self.decode(events) == ["A-1"])
    }

    @Test("input_event records decode from the kernel's 24-byte little-endian layout")
    func records() {
        var bytes = [UInt8](repeating: 0, count: 16) + [0x01, 0x00, 0x1e, 0x00, 0x01, 0x00, 0x00, 0x00]
        bytes += [UInt8](repeating: 0, count: 16) + [0x04, 0x00, 0x04, 0x00, 0x1e, 0x00, 0x07, 0x00]
        bytes += [1, 2, 3] // a partial record is left for the next read
        #expect(EvdevDevice.decode(bytes[...]) == [
            InputEvent(type: 1, code: 30, value: 1), InputEvent(type: 4, code: 4, value: 0x7001e),
        ])
    }

    @Test("each keypad action is the counter operation of the same name")
    func keypadOperations() {
        #expect(InputDeviceService.operation(.next, counter: 3) == .next(counter: 3))
        #expect(InputDeviceService.operation(.recall, counter: 3) == .recall(counter: 3))
        #expect(InputDeviceService.operation(.start, counter: 3) == .start(counter: 3))
        #expect(InputDeviceService.operation(.done, counter: 3) == .done(counter: 3, dossier: nil, rating: nil))
        #expect(InputDeviceService.operation(.noShow, counter: 3) == .noShow(counter: 3))
        #expect(InputDeviceService.operation(.pause, counter: 3) == .pause(counter: 3))
    }
}
