import Foundation
import Testing
@testable import EscPos

@Suite struct CP1258EncoderTests {
    let encoder = CP1258Encoder()

    @Test func lettersTableHas146Letters() {
        #expect(VietnameseLetters.all.count == 146)
        #expect(VietnameseLetters.nonASCII.count == 134)
        #expect(Set(VietnameseLetters.all).count == 146)
    }

    /// The sentence's bytes, precomputed with `iconv -f UTF-8 -t CP1258` (glibc 2.36) when this test was written.
    @Test func sentenceMatchesIconvBytesWrittenLiterally() throws {
        let expected: [UInt8] = [
            0x4D, 0xF5, 0xCC, 0x69, 0x20, 0x63, 0xF4, 0x6E, 0x67, 0x20, 0x64, 0xE2, 0x6E, 0x20, 0x63, 0xF3,
            0x20, 0x73, 0xF4, 0xEC, 0x20, 0x74, 0x68, 0xFD, 0xEC, 0x20, 0x74, 0xFD, 0xF2, 0x20, 0x41, 0x30,
            0x31, 0x32, 0x20, 0xF0, 0xEA, 0xEC, 0x6E, 0x20, 0x71, 0x75, 0xE2, 0xCC, 0x79, 0x20, 0x73, 0xF4,
            0xEC, 0x20, 0x33,
        ]
        #expect(try encoder.encode(VietnameseLetters.sentence) == expected)
    }

    @Test func tonesAreDecomposedWherePrecomposedLettersAreMissing() throws {
        #expect(try encoder.encode("ấ") == [0xE2, 0xEC])  // â + acute
        #expect(try encoder.encode("Ấ") == [0xC2, 0xEC])
        #expect(try encoder.encode("ự") == [0xFD, 0xF2])  // ư + dot below
        #expect(try encoder.encode("ả") == [0x61, 0xD2])  // a + hook above
        #expect(try encoder.encode("ỹ") == [0x79, 0xDE])  // y + tilde
        #expect(try encoder.encode("ờ") == [0xF5, 0xCC])  // ơ + grave
        #expect(try encoder.encode("à") == [0xE0])  // kept precomposed, as glibc does
        #expect(try encoder.encode("đĐ") == [0xF0, 0xD0])
    }

    @Test func decomposedInputIsNormalisedFirst() throws {
        let nfd = VietnameseLetters.sentence.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > VietnameseLetters.sentence.unicodeScalars.count)
        #expect(try encoder.encode(nfd) == encoder.encode(VietnameseLetters.sentence))
    }

    @Test(.enabled(if: SystemIconv.available), arguments: VietnameseLetters.all)
    func everyLetterMatchesSystemIconv(_ letter: Character) throws {
        let expected = try SystemIconv.convert(String(letter), to: "CP1258")
        #expect(try encoder.encode(String(letter)) == expected, "\(letter)")
    }

    @Test(.enabled(if: SystemIconv.available))
    func allLettersAtOnceMatchSystemIconv() throws {
        let text = String(VietnameseLetters.all) + " " + VietnameseLetters.sentence.uppercased()
        #expect(try encoder.encode(text) == SystemIconv.convert(text, to: "CP1258"))
    }

    @Test func errorNamesTheFirstCharacterItCannotEncode() {
        #expect {
            _ = try encoder.encode("Số 3 → quầy 4 中")
        } throws: { error in
            guard let error = error as? VietnameseEncodingError else { return false }
            return error.character == "→" && error.position == 5 && error.codePage == .wpc1258
                && error.description.contains("U+2192") && error.description.contains("WPC1258")
        }
    }
}
