import Foundation
import QueueCore
import Testing
import Workflow

/// Instants in Vietnam, the built-in holiday table and calendars for the tests.
enum Fixture {
    /// `"2026-03-09 09:00"` or `"2026-03-09 08:07:23"`, wall-clock time in Vietnam.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let day = BusinessDay(String(parts[0]))!
        let clock = parts[1].split(separator: ":").map { Int($0)! }
        var components = DateComponents()
        components.year = day.year; components.month = day.month; components.day = day.day
        components.hour = clock[0]; components.minute = clock[1]; components.second = clock.count > 2 ? clock[2] : 0
        return OfficeCalendar.calendar(OfficeCalendar.vietnam).date(from: components)!
    }

    /// `"2026-03-09 09:00"` (seconds shown when not zero), for readable failures.
    static func text(_ date: Date) -> String {
        let p = OfficeCalendar.calendar(OfficeCalendar.vietnam).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(p.year!)-\(pad(p.month!))-\(pad(p.day!)) \(pad(p.hour!)):\(pad(p.minute!))" + (p.second! == 0 ? "" : ":\(pad(p.second!))")
    }

    /// The bytes of `Calendars/holidays-vn.json` at the repository root.
    static let holidayJSON: Data = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! Data(contentsOf: root.appendingPathComponent("Calendars/holidays-vn.json"))
    }()

    /// The built-in table, 2025–2027.
    static let holidays: HolidayTable = try! HolidayTable(json: holidayJSON)

    /// Monday–Friday 07:30–11:30, 13:30–17:30, over the built-in table.
    static let calendar = WorkingCalendar.standard(holidays: holidays)

    /// The same shifts with no holidays at all.
    static let plain = WorkingCalendar.standard(holidays: .empty)

    /// A dossier code for the given day.
    static let code = "000.00.19.H47-260309-0001"

    /// An upward dossier received Monday 9 March 2026 at 09:00 with 2 working days: due Wednesday 11 March 09:00.
    static func dossier(route: InterLevelRoute = .none, days: Int = 2, at: String = "2026-03-09 09:00") -> Dossier {
        try! Dossier.receive(code: code, procedure: "Chứng thực bản sao từ bản chính", applicant: "Nguyễn Văn An",
                             unit: "UBND phường Thắng Tam", processingDays: days, route: route,
                             at: Fixture.at(at), calendar: calendar)
    }
}

/// A small deterministic generator for random walks.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
