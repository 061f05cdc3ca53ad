/// Reads a whole number aloud in English, as a counter number is announced in the second language:
/// "fifteen", "twenty-one", "one hundred and five", "one thousand and ten".
public struct EnglishNumberReading: Sendable, Hashable {
    static let small = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// The largest number read: 999 999 999 999.
    public static let largest = 999_999_999_999

    public init() {}

    /// `number` in words (British usage: "and" before the last two digits); nil when it is negative or
    /// larger than ``largest``.
    public func read(_ number: Int) -> String? {
        guard (0...Self.largest).contains(number) else { return nil }
        if number == 0 { return Self.small[0] }
        let scales = ["", "thousand", "million", "billion"]
        let groups = NumberReading.thousandGroups(number)
        var parts: [String] = []
        for index in stride(from: groups.count - 1, through: 0, by: -1) where groups[index] > 0 {
            let value = groups[index]
            var words = group(value)
            // "one thousand and five": the last group, under a hundred, after a larger one.
            if index == 0, value < 100, groups.count > 1 { words = "and " + words }
            parts.append(index > 0 ? words + " " + scales[index] : words)
        }
        return parts.joined(separator: " ")
    }

    private func group(_ value: Int) -> String {
        let hundreds = value / 100, rest = value % 100
        var words: [String] = []
        if hundreds > 0 { words.append(Self.small[hundreds] + " hundred") }
        if rest > 0 {
            if hundreds > 0 { words.append("and") }
            if rest < 20 {
                words.append(Self.small[rest])
            } else {
                words.append(rest % 10 == 0 ? Self.tens[rest / 10] : Self.tens[rest / 10] + "-" + Self.small[rest % 10])
            }
        }
        return words.joined(separator: " ")
    }
}
