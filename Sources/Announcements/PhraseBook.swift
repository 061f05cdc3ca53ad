import Foundation
import Yams

/// One language's announcement: the phrase with its `{ticket}` and `{counter}` places, the words for
/// digits and letters, and how counter numbers are read. Read from `Templates/announcements/LANG.yaml`, so
/// an office changes the words without new code.
///
/// A ticket is read one symbol at a time: "A025" is "A không hai năm" (the letter's name, then each
/// digit); a counter is read as a number: 15 is "mười lăm", 105 "một trăm lẻ năm".
public struct PhraseBook: Sendable, Hashable {
    /// The language's code: `vi`, `en`.
    public var language: String
    /// The espeak-ng voice that speaks it (`vi`, `vi-vn-x-south`, `en`).
    public var voice: String
    /// The phrase, with `{ticket}` and `{counter}` in it.
    public var call: String
    /// What goes between the symbols of a ticket when read: a space, or ", " so English does not take
    /// "A" for the article.
    public var ticketSeparator: String
    /// The words for 0 to 9, as a ticket's digits are read.
    public var digits: [String]
    /// The name of each letter that a ticket may start with, by capital letter.
    public var letters: [Character: String]
    /// How counter numbers are read.
    public var numbers: NumberReading

    /// The wire form of the file.
    private struct File: Decodable {
        var language: String?
        var voice: String?
        var call: String?
        var ticket_separator: String?
        var numbers: String?
        var zero_tens: String?
        var thousand: String?
        var digits: [String]?
        var letters: [String: String]?
    }

    /// Reads and checks a phrase file; `source` names it in errors.
    public init(yaml: String, source: String) throws(PhraseBookError) {
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: yaml)
        } catch {
            throw PhraseBookError(source: source, reason: "not a phrase file (\(Self.describe(error)))")
        }
        func required(_ value: String?, _ key: String) throws(PhraseBookError) -> String {
            guard let text = value?.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces), !text.isEmpty
            else { throw PhraseBookError(source: source, key: key, reason: "is missing or empty") }
            return text
        }
        language = try required(file.language, "language")
        guard language.count <= 8, language.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") }) else {
            throw PhraseBookError(source: source, key: "language", reason: "must be a language code such as vi or en, got \"\(language)\"")
        }
        voice = try required(file.voice, "voice")
        guard voice.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_+".contains($0)) }) else {
            throw PhraseBookError(source: source, key: "voice", reason: "must be an espeak-ng voice name (espeak-ng --voices), got \"\(voice)\"")
        }
        call = try required(file.call, "call")
        let places = Self.placeholders(in: call)
        for needed in ["ticket", "counter"] where !places.contains(needed) {
            throw PhraseBookError(source: source, key: "call", reason: "must say {\(needed)}")
        }
        if let unknown = places.first(where: { $0 != "ticket" && $0 != "counter" }) {
            throw PhraseBookError(source: source, key: "call", reason: "has {\(unknown)}; only {ticket} and {counter} are known")
        }
        ticketSeparator = (file.ticket_separator ?? " ").precomposedStringWithCanonicalMapping
        guard !ticketSeparator.isEmpty else {
            throw PhraseBookError(source: source, key: "ticket_separator", reason: "must not be empty: the symbols of a ticket would run together")
        }
        let digitWords = (file.digits ?? []).map { $0.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces) }
        guard digitWords.count == 10, !digitWords.contains("") else {
            throw PhraseBookError(source: source, key: "digits", reason: "must list the ten words for 0 to 9, got \(digitWords.count)")
        }
        digits = digitWords
        var letters: [Character: String] = [:]
        for (key, name) in file.letters ?? [:] {
            let letter = key.precomposedStringWithCanonicalMapping
            let word = name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
            guard letter.count == 1, let character = letter.first, character.isLetter, character.isUppercase else {
                throw PhraseBookError(source: source, key: "letters.\(key)", reason: "must be one capital letter")
            }
            guard !word.isEmpty else { throw PhraseBookError(source: source, key: "letters.\(key)", reason: "is empty") }
            letters[character] = word
        }
        if let missing = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".first(where: { letters[$0] == nil }) {
            throw PhraseBookError(source: source, key: "letters", reason: "has no name for \(missing): every letter A–Z needs one")
        }
        self.letters = letters
        switch file.numbers ?? "" {
        case "vietnamese":
            numbers = .vietnamese(VietnameseNumberReading(
                zeroTens: try required(file.zero_tens ?? "lẻ", "zero_tens"),
                thousand: try required(file.thousand ?? "nghìn", "thousand")
            ))
        case "english":
            numbers = .english(EnglishNumberReading())
        case let other:
            throw PhraseBookError(source: source, key: "numbers", reason: "must be vietnamese or english, got \"\(other)\"")
        }
    }

    /// The ticket read symbol by symbol: "A025" → "A không hai năm"; the error names the symbol that
    /// cannot be read.
    public func readTicket(_ ticket: String) throws(PhraseBookError) -> String {
        let text = ticket.precomposedStringWithCanonicalMapping.uppercased()
        guard !text.isEmpty, text.count <= 16 else {
            throw PhraseBookError(source: "ticket", reason: "\"\(ticket)\" is not a ticket number: 1 to 16 letters and digits, such as A025")
        }
        var words: [String] = []
        for symbol in text {
            if let digit = symbol.wholeNumberValue, symbol.isASCII {
                words.append(digits[digit])
            } else if let name = letters[symbol] {
                words.append(name)
            } else {
                throw PhraseBookError(
                    source: "ticket",
                    reason: "\"\(ticket)\" has \"\(symbol)\", which is neither a digit nor a letter with a name in the \(language) phrases"
                )
            }
        }
        return words.joined(separator: ticketSeparator)
    }

    /// The counter number in words: 15 → "mười lăm".
    public func readCounter(_ counter: Int) throws(PhraseBookError) -> String {
        guard counter >= 0, let words = numbers.read(counter) else {
            throw PhraseBookError(source: "counter", reason: "\(counter) is not a counter number (0 or more)")
        }
        return words
    }

    /// The whole announcement of a call: "Mời công dân có số thứ tự A không hai năm đến quầy số năm."
    public func callText(ticket: String, counter: Int) throws(PhraseBookError) -> String {
        let ticketWords = try readTicket(ticket)
        let counterWords = try readCounter(counter)
        return call
            .replacingOccurrences(of: "{ticket}", with: ticketWords)
            .replacingOccurrences(of: "{counter}", with: counterWords)
    }

    /// The `{name}` places in a phrase.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private static func describe(_ error: any Error) -> String {
        if let yaml = error as? YamlError { return "\(yaml)".split(separator: "\n").first.map(String.init) ?? "\(yaml)" }
        if case let DecodingError.typeMismatch(_, context) = error {
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        }
        return "\(error)"
    }
}
