/// The bytes that make a board show a number, or nothing, as its ``BoardProfile`` frames them.
public struct BoardFrameEncoder: Sendable {
    /// The model.
    public let profile: BoardProfile

    /// An encoder for `profile`.
    public init(profile: BoardProfile) {
        self.profile = profile
    }

    /// What the board shows for `number` (`A015`): upper-case; letters dropped on a digits-only board
    /// (`015`); the last characters kept when it is longer than the board; right-aligned with spaces.
    public func displayed(_ number: String) -> String {
        var kept = number.uppercased().filter { $0.isASCII && ($0.isNumber || (profile.letters && $0.isLetter)) }
        if kept.count > profile.characters { kept = String(kept.suffix(profile.characters)) }
        return String(repeating: " ", count: profile.characters - kept.count) + kept
    }

    /// The frame showing `number` on the board at `address` (0…99).
    public func show(_ number: String, address: Int = 0) -> [UInt8] {
        frame(text: displayed(number), address: address)
    }

    /// The frame that blanks the board at `address`.
    public func clear(address: Int = 0) -> [UInt8] {
        frame(text: String(repeating: " ", count: profile.characters), address: address)
    }

    private func frame(text: String, address: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for token in profile.frame {
            switch token {
            case .byte(let value): bytes.append(value)
            case .address: bytes.append(UInt8(clamping: address))
            case .addressASCII:
                let clamped = max(0, min(99, address))
                bytes += Array((clamped < 10 ? "0\(clamped)" : "\(clamped)").utf8)
            case .text: bytes += Array(text.utf8)
            case .xorChecksum: bytes.append(bytes.dropFirst().reduce(0, ^))
            case .sum8Checksum: bytes.append(bytes.dropFirst().reduce(0, &+))
            }
        }
        return bytes
    }
}
