/// Texts for the tests.
enum TestText {
    /// A ticket line in Vietnamese, precomposed (NFC).
    static let ticket = "Số A001 · Hộ tịch · Quầy 3"

    /// A text of exactly `byteCount` UTF-8 bytes, mixing ASCII with two- and three-byte characters.
    static func bytes(_ byteCount: Int) -> String {
        let pieces = ["Số ", "A0", "01 ", "· ", "Hộ tịch ", "Quầy ", "3 ", "Đăng ký ", "kết hôn ", "chứng thực ", "bản sao "]
        var text = "", used = 0, index = 0
        while true {
            let piece = pieces[index % pieces.count]
            index += 1
            guard used + piece.utf8.count <= byteCount else { break }
            text += piece
            used += piece.utf8.count
        }
        let digits = Array("0123456789")
        while used < byteCount {
            text.append(digits[used % 10])
            used += 1
        }
        return text
    }
}
