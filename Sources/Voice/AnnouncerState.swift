import Announcements
import Foundation
import QueueService

/// The announcer's queue and what it knows of the sound output, behind one actor; it wakes the speaking
/// loop when something is asked for.
actor AnnouncerState {
    private(set) var queue: AnnouncerQueue
    /// Set while the sound output is failing: nothing is spoken before this moment.
    private(set) var soundDownUntil: Date?
    /// The player's last failure, while it is failing.
    private(set) var soundError: String?
    /// Whether the player has played anything yet.
    private(set) var soundWorked = false
    private let wake: AsyncStream<Void>.Continuation
    private let metrics: OfficeMetrics
    /// How many ended announcements the metrics have counted.
    private var counted = 0

    init(queue: AnnouncerQueue, wake: AsyncStream<Void>.Continuation, metrics: OfficeMetrics) {
        self.queue = queue
        self.wake = wake
        self.metrics = metrics
    }

    /// Counts in the metrics the announcements that ended since the last time.
    private func count() {
        let new = min(queue.endedCount - counted, queue.recent.count)
        for record in queue.recent.suffix(new) {
            switch record.outcome {
            case .played: metrics.announcementEnded(outcome: "played", reason: nil)
            case let .dropped(reason): metrics.announcementEnded(outcome: "dropped", reason: reason.rawValue)
            }
        }
        counted = queue.endedCount
    }

    func request(ticketID: String, ticket: String, counter: Int, kind: Announcement.Kind) -> Announcement {
        let announcement = queue.request(ticketID: ticketID, ticket: ticket, counter: counter, kind: kind, at: Date())
        count()
        wake.yield()
        return announcement
    }

    func withdraw(ticketID: String) {
        queue.withdraw(ticketID: ticketID, at: Date())
        count()
    }

    func withdraw(counter: Int) {
        queue.withdraw(counter: counter, at: Date())
        count()
    }

    func dropAll(_ reason: AnnouncementOutcome.DropReason) {
        queue.dropAll(at: Date(), reason: reason)
        count()
    }

    /// The next announcement to speak; when the sound output is failing, what waits is dropped instead.
    func take() -> Announcement? {
        let now = Date()
        defer { count() }
        if let until = soundDownUntil, now < until {
            queue.dropAll(at: now, reason: .noSound)
            return nil
        }
        guard let next = queue.take(at: now) else { return nil }
        if next.plays == 0 { metrics.announcementStarted(after: now.timeIntervalSince(next.requestedAt)) }
        return next
    }

    /// The current announcement was heard once more; returns whether to say it again, and whether this
    /// ends a failure of the sound output.
    func spoke() -> (again: Bool, recovered: Bool) {
        defer { count() }
        soundWorked = true
        let recovered = soundError != nil
        soundError = nil
        soundDownUntil = nil
        return (queue.spoke(at: Date()), recovered)
    }

    func failed(_ reason: AnnouncementOutcome.DropReason) {
        queue.failed(at: Date(), reason: reason)
        count()
    }

    /// The player failed: nothing is tried before `retry` has passed. Returns true when this starts a failure.
    func soundFailed(_ error: String, retry: TimeInterval) -> Bool {
        let first = soundError == nil
        soundError = error
        soundDownUntil = Date().addingTimeInterval(retry)
        queue.failed(at: Date(), reason: .noSound)
        queue.dropAll(at: Date(), reason: .noSound)
        count()
        return first
    }

    func finish() { wake.finish() }
}
