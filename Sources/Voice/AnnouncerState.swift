import Announcements
import Foundation

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

    init(queue: AnnouncerQueue, wake: AsyncStream<Void>.Continuation) {
        self.queue = queue
        self.wake = wake
    }

    func request(ticketID: String, ticket: String, counter: Int, kind: Announcement.Kind) -> Announcement {
        let announcement = queue.request(ticketID: ticketID, ticket: ticket, counter: counter, kind: kind, at: Date())
        wake.yield()
        return announcement
    }

    func withdraw(ticketID: String) { queue.withdraw(ticketID: ticketID, at: Date()) }

    func withdraw(counter: Int) { queue.withdraw(counter: counter, at: Date()) }

    func dropAll(_ reason: AnnouncementOutcome.DropReason) { queue.dropAll(at: Date(), reason: reason) }

    /// The next announcement to speak; when the sound output is failing, what waits is dropped instead.
    func take() -> Announcement? {
        let now = Date()
        if let until = soundDownUntil, now < until {
            queue.dropAll(at: now, reason: .noSound)
            return nil
        }
        return queue.take(at: now)
    }

    func spoke() -> Bool {
        soundWorked = true
        if soundError != nil {
            soundError = nil
            soundDownUntil = nil
        }
        return queue.spoke(at: Date())
    }

    func failed(_ reason: AnnouncementOutcome.DropReason) { queue.failed(at: Date(), reason: reason) }

    /// The player failed: nothing is tried before `retry` has passed. Returns true when this starts a failure.
    func soundFailed(_ error: String, retry: TimeInterval) -> Bool {
        let first = soundError == nil
        soundError = error
        soundDownUntil = Date().addingTimeInterval(retry)
        queue.failed(at: Date(), reason: .noSound)
        queue.dropAll(at: Date(), reason: .noSound)
        return first
    }

    func finish() { wake.finish() }
}
