import Foundation

/// The applicant's name as a public kiosk may show it (DOMAIN.md, Decree 13/2023): "Nguyễn Văn An" →
/// "Nguyễn V** A".
public enum ApplicantName {
    /// The masked name, in NFC: the family name in full, each middle name as its first letter and "**", the
    /// given name as its first letter. Two words: "Nguyễn An" → "Nguyễn A". One word: "An" → "A**". Blank: "".
    public static func masked(_ fullName: String) -> String {
        let words = normalized(fullName).split(whereSeparator: \.isWhitespace)
        guard let family = words.first, let given = words.last else { return "" }
        if words.count == 1 { return "\(family.prefix(1))**" }
        let middles = words.dropFirst().dropLast().map { "\($0.prefix(1))**" }
        return ([String(family)] + middles + [String(given.prefix(1))]).joined(separator: " ")
    }

    /// `text` in NFC, trimmed, with runs of white space made single spaces.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
