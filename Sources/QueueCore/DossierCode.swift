/// A dossier code (mã hồ sơ) of Circular 01/2018/TT-VPCP: `AGENCY-YYMMDD-XXXX`, such as
/// `000.00.19.H47-260105-0001`. Accepted in the lenient form, kept verbatim.
public struct DossierCode: Sendable, Hashable, CustomStringConvertible {
    /// The code as given.
    public let text: String
    /// The agency part, such as `000.00.19.H47`.
    public let agency: String
    /// The day it was received.
    public let received: BusinessDay
    /// That day's sequence.
    public let sequence: Int

    /// Parses a code; `nil` when it is not of the form or its date does not exist.
    public init?(_ raw: String) {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let agency = parts[0], ymd = parts[1], seq = parts[2]
        let segments = agency.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...4).contains(segments.count),
              segments.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(Self.isAgencyCharacter) }),
              ymd.count == 6, ymd.allSatisfy(\.isASCIIDigit),
              (4...6).contains(seq.count), seq.allSatisfy(\.isASCIIDigit),
              let yy = Int(ymd.prefix(2)), let mm = Int(ymd.dropFirst(2).prefix(2)), let dd = Int(ymd.suffix(2)),
              let day = BusinessDay(validYear: 2000 + yy, month: mm, day: dd),
              let sequence = Int(seq) else { return nil }
        self.text = raw
        self.agency = String(agency)
        self.received = day
        self.sequence = sequence
    }

    public var description: String { text }

    private static func isAgencyCharacter(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(ascii)
    }
}

extension Character {
    /// `0`…`9` only: a range of `Character`s would also let in a digit or letter followed by a combining mark.
    fileprivate var isASCIIDigit: Bool { asciiValue.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
}
