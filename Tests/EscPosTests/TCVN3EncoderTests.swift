import Foundation
import Testing
@testable import EscPos

@Suite struct TCVN3EncoderTests {
    let encoder = TCVN3Encoder()

    @Test func tableHoldsExactlyTheVN3Repertoire() {
        #expect(TCVN3Table.byteForScalar.count == 75)
        #expect(Set(TCVN3Table.byteForScalar.values).count == 75)
        #expect(TCVN3Table.byteForScalar.values.allSatisfy { $0 >= 0xA0 })
    }

    @Test(arguments: VietnameseLetters.lowercaseVowels.filter { !$0.isASCII } + ["đ"])
    func lowercaseLettersAreOnTheLowercasePage(_ letter: Character) throws {
        let runs = try encoder.encode(String(letter))
        #expect(runs.count == 1)
        #expect(runs.first?.page == .lowercase)
        #expect(runs.first?.bytes.count == 1)
    }

    /// VN3 is a subset of VN1, which glibc has as TCVN5712-1: the lowercase letters and untoned capitals agree.
    @Test(.enabled(if: SystemIconv.available))
    func bytesAgreeWithGlibcTCVN5712() throws {
        let letters = VietnameseLetters.lowercaseVowels.filter { !$0.isASCII } + Array("đĂÂÊÔƠƯĐ")
        #expect(letters.count == 75 - 1)
        for letter in letters {
            let bytes = try encoder.encode(String(letter)).flatMap(\.bytes)
            #expect(bytes == (try SystemIconv.convert(String(letter), to: "TCVN5712-1")), "\(letter)")
        }
    }

    @Test(arguments: VietnameseLetters.uppercaseVowels.filter { !"AĂÂEÊIOÔƠUƯY".contains($0) })
    func tonedCapitalsUseTheUppercasePageAtTheLowercaseByte(_ letter: Character) throws {
        let runs = try encoder.encode(String(letter))
        let lower = try encoder.encode(String(letter).lowercased())
        #expect(runs == [TCVN3Run(page: .uppercase, bytes: lower[0].bytes)], "\(letter)")
    }

    @Test func everyLetterEncodesWithTheUppercasePage() throws {
        let runs = try encoder.encode(String(VietnameseLetters.all))
        #expect(runs.map(\.bytes.count).reduce(0, +) == 146)
        #expect(runs.map(\.page) == [.lowercase, .uppercase, .lowercase])
    }

    @Test func sentence() throws {
        let runs = try encoder.encode(VietnameseLetters.sentence)
        #expect(runs == [TCVN3Run(page: .lowercase, bytes: [
            0x4D, 0xEA, 0x69, 0x20, 0x63, 0xAB, 0x6E, 0x67, 0x20, 0x64, 0xA9, 0x6E, 0x20, 0x63, 0xE3, 0x20,
            0x73, 0xE8, 0x20, 0x74, 0x68, 0xF8, 0x20, 0x74, 0xF9, 0x20, 0x41, 0x30, 0x31, 0x32, 0x20, 0xAE,
            0xD5, 0x6E, 0x20, 0x71, 0x75, 0xC7, 0x79, 0x20, 0x73, 0xE8, 0x20, 0x33,
        ])])
    }

    @Test func capitalsSwitchPagesOnlyWhereNeeded() throws {
        // Đ is an untoned capital (on both pages): it joins the uppercase run Ế opens.
        let runs = try encoder.encode("ĐẾN quầy")
        #expect(runs == [
            TCVN3Run(page: .uppercase, bytes: [0xA7, 0xD5, 0x4E, 0x20]),
            TCVN3Run(page: .lowercase, bytes: [0x71, 0x75, 0xC7, 0x79]),
        ])
        let commands = try encoder.commands("ĐẾN quầy", lowercasePage: 30, uppercasePage: 31)
        #expect(commands == [
            .selectCodePage(31), .text([0xA7, 0xD5, 0x4E, 0x20]), .selectCodePage(30), .text([0x71, 0x75, 0xC7, 0x79]),
        ])
    }

    @Test func refusingCapitalsNamesTheFirstToned() {
        let strict = TCVN3Encoder(capitals: .refuse)
        #expect(throws: Never.self) { try strict.encode("ĐƯỜNG".lowercased() + " ĐƯ") }
        #expect {
            _ = try strict.encode("QUẦY SỐ 3")
        } throws: { error in
            guard let error = error as? VietnameseEncodingError else { return false }
            return error.character == "Ầ" && error.position == 2 && error.codePage == .tcvn3
                && error.description.contains("uppercase page")
        }
    }

    @Test func nonVietnameseIsRefused() {
        #expect {
            _ = try encoder.encode("phí 10 €")
        } throws: { error in
            (error as? VietnameseEncodingError)?.character == "€" && (error as? VietnameseEncodingError)?.position == 7
        }
    }
}
