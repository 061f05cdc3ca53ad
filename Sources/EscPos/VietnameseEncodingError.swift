/// Text a code page cannot hold, naming the first character that does not fit.
public struct VietnameseEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The code page that was asked for.
    public let codePage: VietnameseCodePage
    /// The first character (after NFC normalisation) that the code page has no bytes for.
    public let character: Character
    /// Its position in the normalised text, counted in characters from 0.
    public let position: Int
    /// Why it cannot be encoded.
    public let reason: String

    /// Creates an error.
    public init(codePage: VietnameseCodePage, character: Character, position: Int, reason: String) {
        self.codePage = codePage
        self.character = character
        self.position = position
        self.reason = reason
    }

    public var description: String {
        let scalars = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
        return "\(codePage.rawValue) cannot encode \"\(character)\" (\(scalars.joined(separator: " "))) at position \(position): \(reason)"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
