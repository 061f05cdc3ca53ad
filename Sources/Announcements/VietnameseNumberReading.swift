/// Reads a whole number aloud in Vietnamese, as a counter number is announced: "mười lăm",
/// "hai mươi mốt", "hai mươi tư", "một trăm lẻ năm", "một nghìn không trăm mười".
///
/// The rules: after "mươi" (20–99) a final one is "mốt" and a final four "tư"; after "mười" or "mươi" a
/// final five is "lăm"; a group with no tens but units says "lẻ" (or "linh") before them; a group after a
/// larger one says its hundreds even when they are zero ("một nghìn không trăm lẻ năm"); zero groups are
/// left out ("một triệu", "hai triệu không trăm lẻ một").
public struct VietnameseNumberReading: Sendable, Hashable {
    /// The word between hundreds and units when the tens are zero: "lẻ" (common, South and Centre) or
    /// "linh" (North, formal).
    public var zeroTens: String
    /// The word for a thousand: "nghìn" (North, formal) or "ngàn" (South).
    public var thousand: String

    /// The digit words, zero to nine.
    public static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// The largest number read: 999 999 999 999 (a counter number never comes near it).
    public static let largest = 999_999_999_999

    public init(zeroTens: String = "lẻ", thousand: String = "nghìn") {
        self.zeroTens = zeroTens
        self.thousand = thousand
    }

    /// `number` in words; nil when it is negative or larger than ``largest``.
    public func read(_ number: Int) -> String? {
        guard (0...Self.largest).contains(number) else { return nil }
        if number == 0 { return Self.digits[0] }
        let scales = ["", thousand, "triệu", "tỷ"]
        let groups = NumberReading.thousandGroups(number)
        var words: [String] = []
        for index in stride(from: groups.count - 1, through: 0, by: -1) where groups[index] > 0 {
            words += group(groups[index], full: index < groups.count - 1)
            if index > 0 { words.append(scales[index]) }
        }
        return words.joined(separator: " ")
    }

    /// One group of three digits; `full` says its hundreds even when zero (a group after a larger one).
    private func group(_ value: Int, full: Bool) -> [String] {
        let hundreds = value / 100, tens = value / 10 % 10, units = value % 10
        let digits = Self.digits
        var words: [String] = []
        let saysHundreds = full || hundreds > 0
        if saysHundreds { words += [digits[hundreds], "trăm"] }
        switch tens {
        case 0:
            if units > 0 {
                if saysHundreds { words.append(zeroTens) }
                words.append(digits[units])
            }
        case 1:
            words.append("mười")
            if units > 0 { words.append(units == 5 ? "lăm" : digits[units]) }
        default:
            words += [digits[tens], "mươi"]
            switch units {
            case 0: break
            case 1: words.append("mốt")
            case 4: words.append("tư")
            case 5: words.append("lăm")
            default: words.append(digits[units])
            }
        }
        return words
    }
}
