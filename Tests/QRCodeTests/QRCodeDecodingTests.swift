import Foundation
@testable import QRCode
import Testing

/// Round trips through a real decoder: every symbol made here is read back by zbarimg.
@Suite("QR codes read back with zbarimg")
struct QRCodeDecodingTests {
    @Test("short ASCII text")
    func shortASCII() throws {
        let code = try QRCode(text: "A001")
        #expect(code.version == 1)
        #expect(try ZBar.decodeText(pbm: code.pbm()) == "A001")
    }

    @Test("Vietnamese text keeps its UTF-8 bytes", arguments: QRErrorCorrection.allCases)
    func vietnamese(correction: QRErrorCorrection) throws {
        let text = TestText.ticket
        #expect(text.unicodeScalars.count == 26, "the literal must be precomposed (NFC)")
        #expect(text.utf8.count == 36)
        let code = try QRCode(text: text, correction: correction)
        #expect(try ZBar.decode(pbm: code.pbm()) == Array(text.utf8))
    }

    @Test("each error correction level", arguments: QRErrorCorrection.allCases)
    func levels(correction: QRErrorCorrection) throws {
        let text = "https://motcua.example.vn/ve/A001?quay=3"
        let code = try QRCode(text: text, correction: correction)
        #expect(code.correction == correction)
        #expect(try ZBar.decodeText(pbm: code.pbm()) == text)
    }

    @Test("a text needing version 7 or more carries version information")
    func versionInformation() throws {
        let text = TestText.bytes(200)
        let code = try QRCode(text: text)
        #expect(code.version >= 7)
        #expect(try ZBar.decodeText(pbm: code.pbm()) == text)
    }

    @Test("a text exactly filling each version, and one byte more",
          arguments: QRErrorCorrection.allCases, 1...40)
    func boundary(correction: QRErrorCorrection, version: Int) throws {
        let capacity = QRVersion(version).byteCapacity(correction)
        let text = TestText.bytes(capacity)
        #expect(text.utf8.count == capacity)
        let code = try QRCode(text: text, correction: correction)
        #expect(code.version == version)
        #expect(code.size == 17 + 4 * version)
        #expect(try ZBar.decode(pbm: code.pbm(scale: 3)) == Array(text.utf8))

        // One byte more needs the next version (encoding it is left to that version's case).
        #expect(QRVersion.smallest(holding: capacity + 1, at: correction)?.number == (version < 40 ? version + 1 : nil))
    }

    @Test("the empty string is a version 1 symbol holding nothing")
    func empty() throws {
        let code = try QRCode(text: "")
        #expect(code.version == 1)
        #expect(try ZBar.decode(pbm: code.pbm()) == [])
    }

    @Test("every mask pattern decodes", arguments: 0...7)
    func masks(reference: Int) throws {
        let text = TestText.ticket
        let code = try QRCode(bytes: Array(text.utf8), correction: .quartile, mask: QRMask(reference))
        #expect(code.mask == reference)
        #expect(try ZBar.decodeText(pbm: code.pbm()) == text)
    }

    @Test("two pixels a module are enough for the decoder")
    func smallRendering() throws {
        let code = try QRCode(text: TestText.ticket, correction: .low)
        #expect(try ZBar.decodeText(pbm: code.pbm(scale: 2)) == TestText.ticket)
    }
}
