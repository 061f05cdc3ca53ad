import Foundation

extension WorkingCalendar {
    /// Working time spent waiting for supplements up to `now` (an open period counts until `now`), in seconds.
    public func supplementSeconds(_ periods: [SupplementPeriod], until now: Date) -> TimeInterval {
        periods.reduce(0) { total, period in
            let end = min(period.end ?? now, now)
            return end > period.start ? total + workingSeconds(from: period.start, to: end) : total
        }
    }

    /// The appointment `dueAt` moved later by the working time spent in supplement up to `now`, rounded up to
    /// the quarter hour; `dueAt` itself when there was none.
    public func movedAppointment(_ dueAt: Date, supplements periods: [SupplementPeriod], until now: Date) -> Date {
        let paused = supplementSeconds(periods, until: now)
        return paused > 0 ? roundedUp(adding(working: paused, to: dueAt)) : dueAt
    }

    /// On time, nearly late or late at `now`, for a dossier due at `dueAt` whose processing ended at
    /// `processingEndedAt` (the first of 9, 10 or 8; `nil` while unfinished).
    public func timeliness(dueAt: Date, supplements periods: [SupplementPeriod], processingEndedAt: Date?, at now: Date) -> Timeliness {
        if let ended = processingEndedAt {
            return ended <= movedAppointment(dueAt, supplements: periods, until: ended) ? .onTime : .late
        }
        let due = movedAppointment(dueAt, supplements: periods, until: now)
        if now > due { return .late }
        return workingSeconds(from: now, to: due) < TimeInterval(hoursPerDay * 3600) ? .nearlyLate : .onTime
    }
}
