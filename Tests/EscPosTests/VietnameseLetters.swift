/// Every Vietnamese letter beyond ASCII's: the 12 vowels × 6 tones (untoned first) in both cases, and đ/Đ.
enum VietnameseLetters {
    static let lowercaseVowels = Array(
        "aàảãáạ" + "ăằẳẵắặ" + "âầẩẫấậ" + "eèẻẽéẹ" + "êềểễếệ" + "iìỉĩíị"
            + "oòỏõóọ" + "ôồổỗốộ" + "ơờởỡớợ" + "uùủũúụ" + "ưừửữứự" + "yỳỷỹýỵ"
    )
    static let uppercaseVowels = Array(
        "AÀẢÃÁẠ" + "ĂẰẲẴẮẶ" + "ÂẦẨẪẤẬ" + "EÈẺẼÉẸ" + "ÊỀỂỄẾỆ" + "IÌỈĨÍỊ"
            + "OÒỎÕÓỌ" + "ÔỒỔỖỐỘ" + "ƠỜỞỠỚỢ" + "UÙỦŨÚỤ" + "ƯỪỬỮỨỰ" + "YỲỶỸÝỴ"
    )
    /// 144 vowels and đ, Đ: 146 letters, of which 134 are outside ASCII.
    static let all: [Character] = lowercaseVowels + uppercaseVowels + ["đ", "Đ"]
    static let nonASCII: [Character] = all.filter { !$0.isASCII }

    static let sentence = "Mời công dân có số thứ tự A012 đến quầy số 3"
}
