import Foundation
import QueueCore

/// Hands out dossier codes `AGENCY-YYMMDD-XXXX` (Circular 01/2018/TT-VPCP art. 19): a sequence per agency per
/// day from 0001, four digits and more past 9999 (up to 999 999). A value: the store persists the codes and
/// replays them with ``observe(_:)`` at start.
public struct DossierCodeSequencer: Sendable, Hashable {
    private struct Key: Hashable, Sendable {
        let agency: String
        let day: BusinessDay
    }

    private var last: [Key: Int] = [:]

    /// A sequencer that has issued nothing.
    public init() {}

    /// Takes an existing code into account, so the next one of its agency and day comes after it.
    public mutating func observe(_ code: DossierCode) {
        let key = Key(agency: code.agency, day: code.received)
        last[key] = max(last[key] ?? 0, code.sequence)
    }

    /// The last sequence issued or observed for `agency` on `day`; 0 when none.
    public func lastSequence(agency: String, on day: BusinessDay) -> Int {
        last[Key(agency: agency, day: day)] ?? 0
    }

    /// The next code of `agency` on `day`.
    public mutating func next(agency: String, on day: BusinessDay) throws(DossierError) -> DossierCode {
        let key = Key(agency: agency, day: day)
        let code = try Self.code(agency: agency, day: day, sequence: (last[key] ?? 0) + 1)
        last[key] = code.sequence
        return code
    }

    /// The next code of `agency` for a dossier received at `instant` (its day in `timeZone`).
    public mutating func next(agency: String, at instant: Date, timeZone: TimeZone = OfficeCalendar.vietnam) throws(DossierError) -> DossierCode {
        try next(agency: agency, on: BusinessDay(containing: instant, in: timeZone))
    }

    /// The code with these parts, checked by QueueCore's ``DossierCode``: the agency of the national form,
    /// the day in 2000–2099, the sequence 1 … 999 999 written with at least four digits.
    public static func code(agency: String, day: BusinessDay, sequence: Int) throws(DossierError) -> DossierCode {
        guard sequence <= 999_999 else { throw .sequenceExhausted(agency: agency, day: day.description) }
        guard sequence >= 1 else { throw .badCode("\(agency)-?-\(sequence)") }
        guard (2000...2099).contains(day.year) else { throw .badCode("\(agency)-\(day)-\(sequence)") }
        let digits = String(sequence)
        let text = "\(agency)-\(pad(day.year % 100))\(pad(day.month))\(pad(day.day))-"
            + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        guard let code = DossierCode(text) else { throw .badAgency(agency) }
        return code
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
