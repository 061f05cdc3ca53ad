/// The Linux input key codes (`<linux/input-event-codes.h>`) that scanners and keypads send, by the names
/// profile files use (`KEY_KP1`), and the characters a US-layout keyboard types with them.
public enum LinuxKeyCode {
    public static let leftShift: UInt16 = 42
    public static let rightShift: UInt16 = 54
    public static let capsLock: UInt16 = 58
    public static let enter: UInt16 = 28
    public static let keypadEnter: UInt16 = 96
    public static let tab: UInt16 = 15

    /// Key codes by name.
    public static let byName: [String: UInt16] = {
        var names: [String: UInt16] = [
            "KEY_ESC": 1, "KEY_MINUS": 12, "KEY_EQUAL": 13, "KEY_BACKSPACE": 14, "KEY_TAB": 15,
            "KEY_LEFTBRACE": 26, "KEY_RIGHTBRACE": 27, "KEY_ENTER": 28, "KEY_SEMICOLON": 39, "KEY_APOSTROPHE": 40,
            "KEY_GRAVE": 41, "KEY_BACKSLASH": 43, "KEY_COMMA": 51, "KEY_DOT": 52, "KEY_SLASH": 53,
            "KEY_KPASTERISK": 55, "KEY_SPACE": 57, "KEY_KPMINUS": 74, "KEY_KPPLUS": 78, "KEY_KPDOT": 83,
            "KEY_KPENTER": 96, "KEY_KPSLASH": 98, "KEY_NUMLOCK": 69, "KEY_F1": 59, "KEY_F2": 60, "KEY_F3": 61,
            "KEY_F4": 62, "KEY_F5": 63, "KEY_F6": 64,
        ]
        for (offset, digit) in "1234567890".enumerated() { names["KEY_\(digit)"] = UInt16(2 + offset) }
        for (offset, letter) in "QWERTYUIOP".enumerated() { names["KEY_\(letter)"] = UInt16(16 + offset) }
        for (offset, letter) in "ASDFGHJKL".enumerated() { names["KEY_\(letter)"] = UInt16(30 + offset) }
        for (offset, letter) in "ZXCVBNM".enumerated() { names["KEY_\(letter)"] = UInt16(44 + offset) }
        for (digit, code) in [(7, 71), (8, 72), (9, 73), (4, 75), (5, 76), (6, 77), (1, 79), (2, 80), (3, 81), (0, 82)] {
            names["KEY_KP\(digit)"] = UInt16(code)
        }
        return names
    }()

    /// What a US-layout key types, plain and with shift; keys that type nothing are absent.
    public static let usLayout: [UInt16: (plain: Character, shifted: Character)] = {
        var map: [UInt16: (Character, Character)] = [:]
        for (offset, pair) in zip(0..., zip("1234567890-=", "!@#$%^&*()_+")) { map[UInt16(2 + offset)] = pair }
        for (offset, pair) in zip(0..., zip("qwertyuiop[]", "QWERTYUIOP{}")) { map[UInt16(16 + offset)] = pair }
        for (offset, pair) in zip(0..., zip("asdfghjkl;'`", "ASDFGHJKL:\"~")) { map[UInt16(30 + offset)] = pair }
        map[43] = ("\\", "|")
        for (offset, pair) in zip(0..., zip("zxcvbnm,./", "ZXCVBNM<>?")) { map[UInt16(44 + offset)] = pair }
        map[57] = (" ", " ")
        map[55] = ("*", "*")
        map[74] = ("-", "-")
        map[78] = ("+", "+")
        map[83] = (".", ".")
        map[98] = ("/", "/")
        for (digit, code) in [(7, 71), (8, 72), (9, 73), (4, 75), (5, 76), (6, 77), (1, 79), (2, 80), (3, 81), (0, 82)] {
            let character = Character(String(digit))
            map[UInt16(code)] = (character, character)
        }
        return map
    }()
}
