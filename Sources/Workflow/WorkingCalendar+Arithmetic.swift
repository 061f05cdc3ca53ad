import Foundation
import QueueCore

extension WorkingCalendar {
    /// The appointment (ngày hẹn trả) of a dossier received at `receivedAt` with `workingDays` of processing:
    /// `workingDays × hoursPerDay` working hours counted from the exact time of receipt over the shifts,
    /// skipping days off, then rounded up to the next quarter hour. A receipt outside the shifts starts counting
    /// at the next shift's start.
    public func appointment(receivedAt: Date, workingDays: Int) -> Date {
        let seconds = TimeInterval(max(0, workingDays) * hoursPerDay * 3600)
        return roundedUp(adding(working: seconds, to: receivedAt))
    }

    /// The instant `seconds` of working time after `start`. With `0` it is `start` itself when `start` is in a
    /// shift or at its end, the next shift's start otherwise.
    public func adding(working seconds: TimeInterval, to start: Date) -> Date {
        var remaining = max(0, seconds)
        var day = BusinessDay(containing: start, in: timeZone)
        // Shifts are never empty (checked at init) and the table of days off is finite, so a working day comes.
        while true {
            for (shiftStart, shiftEnd) in intervals(on: day) {
                let from = max(shiftStart, start)
                guard from <= shiftEnd else { continue }
                let available = shiftEnd.timeIntervalSince(from)
                if remaining <= available { return from.addingTimeInterval(remaining) }
                remaining -= available
            }
            day = day.adding(days: 1)
        }
    }

    /// Working time from `start` to `end`, in seconds; negative when `end` is before `start`.
    public func workingSeconds(from start: Date, to end: Date) -> TimeInterval {
        if end < start { return -workingSeconds(from: end, to: start) }
        var total: TimeInterval = 0
        var day = BusinessDay(containing: start, in: timeZone)
        let lastDay = BusinessDay(containing: end, in: timeZone)
        while day <= lastDay {
            for (shiftStart, shiftEnd) in intervals(on: day) {
                let from = max(shiftStart, start), to = min(shiftEnd, end)
                if from < to { total += to.timeIntervalSince(from) }
            }
            day = day.adding(days: 1)
        }
        return total
    }

    /// Whether `instant` falls inside a shift of its day.
    public func isWorkingTime(_ instant: Date) -> Bool {
        intervals(on: BusinessDay(containing: instant, in: timeZone)).contains { $0.0 <= instant && instant < $0.1 }
    }

    /// `instant` rounded up to the next multiple of `minutes` of its wall-clock day (unchanged when on one).
    public func roundedUp(_ instant: Date, minutes: Int = 15) -> Date {
        let dayStart = calendar.startOfDay(for: instant)
        let step = TimeInterval(minutes * 60)
        let elapsed = instant.timeIntervalSince(dayStart)
        return dayStart.addingTimeInterval((elapsed / step).rounded(.up) * step)
    }

    /// The shifts of `day` as instants.
    func intervals(on day: BusinessDay) -> [(Date, Date)] {
        shifts(on: day).map { (day.date(at: $0.start, in: timeZone), day.date(at: $0.end, in: timeZone)) }
    }
}
