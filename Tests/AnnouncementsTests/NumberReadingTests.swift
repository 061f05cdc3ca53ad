import Announcements
import Testing

@Suite("Counter numbers read aloud")
struct NumberReadingTests {
    let vietnamese = VietnameseNumberReading()
    let english = EnglishNumberReading()

    /// Every irregular case of Vietnamese number reading, written out by hand (DOMAIN.md, "Announcement").
    @Test(arguments: [
        (0, "không"), (1, "một"), (4, "bốn"), (5, "năm"), (9, "chín"),
        (10, "mười"), (11, "mười một"), (14, "mười bốn"), (15, "mười lăm"), (19, "mười chín"),
        (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"), (30, "ba mươi"),
        (41, "bốn mươi mốt"), (44, "bốn mươi tư"), (45, "bốn mươi lăm"), (50, "năm mươi"), (55, "năm mươi lăm"),
        (91, "chín mươi mốt"), (99, "chín mươi chín"),
        (100, "một trăm"), (101, "một trăm lẻ một"), (104, "một trăm lẻ bốn"), (105, "một trăm lẻ năm"),
        (110, "một trăm mười"), (111, "một trăm mười một"), (115, "một trăm mười lăm"), (121, "một trăm hai mươi mốt"),
        (124, "một trăm hai mươi tư"), (150, "một trăm năm mươi"), (205, "hai trăm lẻ năm"), (555, "năm trăm năm mươi lăm"),
        (1000, "một nghìn"), (1001, "một nghìn không trăm lẻ một"), (1005, "một nghìn không trăm lẻ năm"),
        (1010, "một nghìn không trăm mười"), (1015, "một nghìn không trăm mười lăm"), (1021, "một nghìn không trăm hai mươi mốt"),
        (1100, "một nghìn một trăm"), (1105, "một nghìn một trăm lẻ năm"), (2024, "hai nghìn không trăm hai mươi tư"),
        (5555, "năm nghìn năm trăm năm mươi lăm"), (9999, "chín nghìn chín trăm chín mươi chín"),
        (10_000, "mười nghìn"), (15_000, "mười lăm nghìn"), (21_000, "hai mươi mốt nghìn"),
        (1_000_000, "một triệu"), (1_000_005, "một triệu không trăm lẻ năm"),
    ])
    func vietnamese(number: Int, words: String) {
        #expect(vietnamese.read(number) == words)
    }

    @Test func theNorthernAndSouthernWordsAreData() {
        let northern = VietnameseNumberReading(zeroTens: "linh", thousand: "nghìn")
        let southern = VietnameseNumberReading(zeroTens: "lẻ", thousand: "ngàn")
        #expect(northern.read(105) == "một trăm linh năm")
        #expect(northern.read(1005) == "một nghìn không trăm linh năm")
        #expect(southern.read(1005) == "một ngàn không trăm lẻ năm")
    }

    @Test func outsideTheRangeThereIsNoReading() {
        #expect(vietnamese.read(-1) == nil)
        #expect(vietnamese.read(VietnameseNumberReading.largest + 1) == nil)
        #expect(english.read(-5) == nil)
    }

    /// Every number from 0 to 9 999, read and then parsed back by a reader written here (not motcua's),
    /// with the rules a listener would notice checked word by word.
    @Test func everyNumberUpTo9999ReadsBackToItselfAndKeepsTheRules() throws {
        for number in 0...9999 {
            let words = try #require(vietnamese.read(number)).split(separator: " ").map(String.init)
            #expect(Self.parse(words) == number, "\(number) was read \(words.joined(separator: " "))")
            for (index, word) in words.enumerated() {
                let before = index > 0 ? words[index - 1] : ""
                switch word {
                case "mốt", "tư": #expect(before == "mươi", "\(number): \(word) after \(before)")
                case "lăm": #expect(before == "mươi" || before == "mười", "\(number): lăm after \(before)")
                case "lẻ": #expect(before == "trăm" && index + 2 == words.count, "\(number): lẻ misplaced")
                case "một": #expect(before != "mươi", "\(number): mươi một")
                case "năm": #expect(before != "mươi" && before != "mười", "\(number): \(before) năm")
                case "bốn": #expect(before != "mươi", "\(number): mươi bốn")
                default: break
                }
            }
        }
    }

    /// A small parser of Vietnamese number words, independent of the reader under test.
    static func parse(_ words: [String]) -> Int? {
        let digits = ["không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
                      "sáu": 6, "bảy": 7, "tám": 8, "chín": 9]
        var total = 0, group = 0
        var pending: Int?
        for word in words {
            if let digit = digits[word] {
                guard pending == nil else { return nil }
                pending = digit
                continue
            }
            switch word {
            case "trăm":
                guard let digit = pending else { return nil }
                group += digit * 100
            case "mươi":
                guard let digit = pending, digit >= 2 else { return nil }
                group += digit * 10
            case "mười":
                guard pending == nil else { return nil }
                group += 10
            case "lẻ":
                guard pending == nil else { return nil }
            case "nghìn":
                group += pending ?? 0
                total += group * 1000
                group = 0
            default:
                return nil
            }
            pending = nil
        }
        return total + group + (pending ?? 0)
    }

    @Test(arguments: [
        (0, "zero"), (5, "five"), (13, "thirteen"), (15, "fifteen"), (20, "twenty"), (21, "twenty-one"),
        (24, "twenty-four"), (99, "ninety-nine"), (100, "one hundred"), (105, "one hundred and five"),
        (115, "one hundred and fifteen"), (340, "three hundred and forty"), (1000, "one thousand"),
        (1005, "one thousand and five"), (1010, "one thousand and ten"), (1100, "one thousand one hundred"),
        (2024, "two thousand and twenty-four"), (9999, "nine thousand nine hundred and ninety-nine"),
    ])
    func english(number: Int, words: String) {
        #expect(english.read(number) == words)
    }
}
