/// How a service's tickets are numbered; configuration, per service.
public enum TicketNumberFormat: Sendable, Hashable {
    /// The service prefix and a zero-padded sequence: `A001`, `A002`, … (`digits` wide).
    case prefixed(digits: Int)
    /// A numeric block per service: `1001`, `1002`, … starting at `start`.
    case block(start: Int)

    /// The printed number of the `sequence`-th ticket of the day (1-based).
    public func number(prefix: String, sequence: Int) -> String {
        switch self {
        case .prefixed(let digits):
            let text = String(sequence)
            return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
        case .block(let start):
            return String(start + sequence - 1)
        }
    }

    /// How many tickets the format can number in one day before a number would change width
    /// (`A999` is the last of three digits), or run into the next block.
    public var capacity: Int {
        switch self {
        case .prefixed(let digits):
            var cap = 1
            for _ in 0..<digits { cap *= 10 }
            return cap - 1
        case .block(let start):
            // The block is the numbers sharing `start`'s leading digit (1001 … 1999 for 1001): the next
            // service's block (2001 …) must not be reached. Single-digit starts keep 1 … 9.
            var magnitude = 10
            while magnitude <= start / 10 { magnitude *= 10 }
            return (start / magnitude + 1) * magnitude - start
        }
    }
}
