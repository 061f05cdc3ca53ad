/// How a language reads a counter number: the rules are code, their regional words are data.
public enum NumberReading: Sendable, Hashable {
    case vietnamese(VietnameseNumberReading)
    case english(EnglishNumberReading)

    /// `number` in words; nil outside 0…999 999 999 999.
    public func read(_ number: Int) -> String? {
        switch self {
        case let .vietnamese(reading): reading.read(number)
        case let .english(reading): reading.read(number)
        }
    }

    /// `number`'s groups of three digits, the units first: 1 002 005 → [5, 2, 1]; 0 → [].
    static func thousandGroups(_ number: Int) -> [Int] {
        var groups: [Int] = []
        var rest = number
        while rest > 0 {
            groups.append(rest % 1000)
            rest /= 1000
        }
        return groups
    }
}
