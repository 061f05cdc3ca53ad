import Foundation

/// Encodes text in TCVN 5712:1993 VN3 ("TCVN-3"), the Vietnamese legacy 8-bit standard.
///
/// VN3 is ASCII plus 75 characters: the no-break space, the untoned capitals Ă Â Ê Ô Ơ Ư Đ and all
/// 67 lowercase Vietnamese letters, precomposed. Capitals with a tone mark are not in it: with
/// ``TCVN3Capitals/uppercasePage`` they go to a run on the uppercase page at their lowercase
/// letter's byte (how TCVN-3 fonts and Epson page 31 work); with ``TCVN3Capitals/refuse`` they are an
/// error. Lowercase ASCII letters need the lowercase page; digits, punctuation, ASCII capitals and
/// the untoned capitals stay in whichever run is open, so a line switches page only where a letter
/// needs it. Text is normalised to NFC first.
public struct TCVN3Encoder: Sendable {
    /// What to do with toned capitals.
    public let capitals: TCVN3Capitals

    /// Creates an encoder.
    public init(capitals: TCVN3Capitals = .uppercasePage) {
        self.capitals = capitals
    }

    /// The runs of `text`, each with the page it needs; never two neighbours on the same page.
    /// - Throws: ``VietnameseEncodingError`` naming the first character VN3 cannot hold.
    public func encode(_ text: String) throws(VietnameseEncodingError) -> [TCVN3Run] {
        var runs: [TCVN3Run] = []
        // Whether the last run holds a character that needs its page; until then its page may change.
        var pinned = false
        for (position, character) in text.precomposedStringWithCanonicalMapping.enumerated() {
            let (byte, page) = try Self.byte(for: character, position: position, capitals: capitals)
            if runs.isEmpty { runs.append(TCVN3Run(page: page ?? .lowercase, bytes: [])) }
            if let page, page != runs[runs.count - 1].page {
                if pinned { runs.append(TCVN3Run(page: page, bytes: [])) } else { runs[runs.count - 1].page = page }
            }
            if page != nil { pinned = true }
            runs[runs.count - 1].bytes.append(byte)
        }
        return runs
    }

    /// The ESC/POS commands for `text`: each run preceded by `ESC t` with its page's number.
    public func commands(_ text: String, lowercasePage: UInt8 = 30, uppercasePage: UInt8 = 31) throws(VietnameseEncodingError) -> [EscPosCommand] {
        try encode(text).flatMap { run in
            [EscPosCommand.selectCodePage(run.page == .lowercase ? lowercasePage : uppercasePage), .text(run.bytes)]
        }
    }

    /// The byte of one character and the page it needs (nil: prints the same on both pages).
    static func byte(for character: Character, position: Int, capitals: TCVN3Capitals) throws(VietnameseEncodingError) -> (UInt8, TCVN3Page?) {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first {
            // Lowercase ASCII letters stay on the lowercase page: whether the capitals page prints
            // them as small or capital letters differs between fonts, so they never go there.
            if scalar.value < 0x80 { return (UInt8(scalar.value), ("a"..."z").contains(scalar) ? .lowercase : nil) }
            if let byte = TCVN3Table.byteForScalar[scalar.value] {
                return (byte, byte >= 0xA8 ? .lowercase : nil)
            }
            let lower = String(character).lowercased().unicodeScalars
            if lower.count == 1, let l = lower.first, let byte = TCVN3Table.byteForScalar[l.value], byte >= 0xB5 {
                guard capitals == .uppercasePage else {
                    throw VietnameseEncodingError(
                        codePage: .tcvn3, character: character, position: position,
                        reason: "a capital with a tone mark needs the TCVN-3 uppercase page, which this printer does not have"
                    )
                }
                return (byte, .uppercase)
            }
        }
        throw VietnameseEncodingError(
            codePage: .tcvn3, character: character, position: position,
            reason: "not a Vietnamese letter, ASCII or no-break space"
        )
    }
}
