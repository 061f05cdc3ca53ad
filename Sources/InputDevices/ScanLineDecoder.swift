import DeviceProfiles
import Foundation

/// Turns a keyboard-mode scanner's key presses into the lines it typed: the US layout, shift and caps
/// lock as a keyboard would apply them, Enter (or Tab, or keypad Enter) ending each scan.
public struct ScanLineDecoder: Sendable {
    /// A line longer than this is not a code: it is dropped and the next line starts afresh.
    public static let maximumLength = 512

    private var shiftsDown: Set<UInt16> = []
    private var capsLock = false
    private var line = ""
    private var overflowed = false

    /// A decoder with nothing typed yet.
    public init() {}

    /// Feeds one event; returns the line when this event ended a non-empty one (NFC, spaces trimmed).
    public mutating func feed(_ event: InputEvent) -> String? {
        guard event.type == InputEvent.keyType else { return nil }
        if event.code == LinuxKeyCode.leftShift || event.code == LinuxKeyCode.rightShift {
            if event.value == 0 { shiftsDown.remove(event.code) } else { shiftsDown.insert(event.code) }
            return nil
        }
        guard event.value == 1 else { return nil }
        switch event.code {
        case LinuxKeyCode.capsLock:
            capsLock.toggle()
            return nil
        case LinuxKeyCode.enter, LinuxKeyCode.keypadEnter, LinuxKeyCode.tab:
            defer {
                line = ""
                overflowed = false
            }
            let done = line.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
            return done.isEmpty || overflowed ? nil : done
        case 14: // KEY_BACKSPACE
            if !line.isEmpty { line.removeLast() }
            return nil
        default:
            guard let pair = LinuxKeyCode.usLayout[event.code] else { return nil }
            var shifted = !shiftsDown.isEmpty
            if capsLock, pair.plain.isLetter { shifted.toggle() }
            if line.count >= Self.maximumLength {
                overflowed = true
                line = ""
            }
            line.append(shifted ? pair.shifted : pair.plain)
            return nil
        }
    }
}
