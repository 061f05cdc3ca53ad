@testable import QRCode
import Testing

@Suite("Texts too long for a QR code")
struct QRCodeErrorTests {
    @Test("one byte over version 40's capacity is an error naming the sizes", arguments: [
        (QRErrorCorrection.low, 2953), (.medium, 2331), (.quartile, 1663), (.high, 1273),
    ])
    func tooLong(correction: QRErrorCorrection, maximum: Int) throws {
        #expect(try QRCode(text: String(repeating: "9", count: maximum), correction: correction).version == 40)
        let error = #expect(throws: QRCodeError.self) {
            try QRCode(text: String(repeating: "9", count: maximum + 1), correction: correction)
        }
        #expect(error == .textTooLong(byteCount: maximum + 1, maximum: maximum, correction: correction))
        #expect(error?.description == "text too long for a QR code: \(maximum + 1) UTF-8 bytes, but version 40 "
            + "holds at most \(maximum) bytes at error correction level \(correction)")
    }

    @Test("the limit counts UTF-8 bytes, not characters")
    func bytesNotCharacters() {
        let text = String(repeating: "ộ", count: 800)  // 800 characters, 2400 bytes
        #expect(throws: QRCodeError.textTooLong(byteCount: 2400, maximum: 2331, correction: .medium)) {
            try QRCode(text: text)
        }
    }
}
