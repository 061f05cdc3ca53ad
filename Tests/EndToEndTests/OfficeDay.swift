import Foundation

/// The tests' guard against the office's midnight: numbers restart when the day in Vietnam changes,
/// so a test that counts tickets waits out the last two minutes before it rather than straddle it.
enum OfficeDay {
    static func awayFromMidnight() async throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let now = Date()
        let parts = calendar.dateComponents([.hour, .minute, .second], from: now)
        let secondsIntoDay = parts.hour! * 3600 + parts.minute! * 60 + parts.second!
        let left = 86_400 - secondsIntoDay
        if left < 120 { try await Task.sleep(for: .seconds(left + 5)) }
    }
}
