import Foundation

/// The order in which calls are spoken, as rules without I/O.
///
/// One announcement is spoken at a time, to its end, in the order they were asked for. Each is spoken at
/// most ``maxPlays`` times: again only while nothing else waits, so a burst (ten clerks pressing "next"
/// at once) is spoken once each, in order. One that waited longer than ``maxDelay`` is dropped (the
/// displays show it anyway), and so is one whose ticket is no longer called, or whose counter called
/// someone else or closed. A recall asks for the announcement again.
public struct AnnouncerQueue: Sendable {
    /// How many times an announcement is spoken at most.
    public var maxPlays: Int
    /// How long an announcement may wait for its turn before it is dropped.
    public var maxDelay: TimeInterval
    /// How many ended announcements ``recent`` keeps.
    public var recentLimit: Int

    /// Waiting, in order.
    public private(set) var pending: [Announcement] = []
    /// Being spoken now.
    public private(set) var current: Announcement?
    /// The latest ended ones, newest last.
    public private(set) var recent: [AnnouncementRecord] = []
    /// How many announcements have ended since the start (``recent`` keeps only the latest).
    public private(set) var endedCount = 0
    private var nextID = 1

    public init(maxPlays: Int = 2, maxDelay: TimeInterval = 90, recentLimit: Int = 30) {
        self.maxPlays = max(1, maxPlays)
        self.maxDelay = maxDelay
        self.recentLimit = recentLimit
    }

    /// Asks for an announcement; returns it, or the one already waiting for the same ticket and counter.
    /// A waiting announcement of another ticket at the same counter is dropped: the counter has moved on.
    @discardableResult
    public mutating func request(
        ticketID: String, ticket: String, counter: Int, kind: Announcement.Kind, at now: Date
    ) -> Announcement {
        if let waiting = pending.first(where: { $0.ticket == ticket && $0.counter == counter && $0.ticketID == ticketID }) {
            return waiting
        }
        if kind != .manual {
            drop(now: now, reason: .superseded) { $0.counter == counter && $0.ticketID != ticketID && $0.kind != .manual }
        }
        let announcement = Announcement(
            id: nextID, ticketID: ticketID, ticket: ticket, counter: counter, kind: kind, requestedAt: now
        )
        nextID += 1
        pending.append(announcement)
        return announcement
    }

    /// The ticket is no longer called (served, finished, missed, transferred): its waiting announcements go.
    public mutating func withdraw(ticketID: String, at now: Date) {
        guard !ticketID.isEmpty else { return }
        drop(now: now, reason: .answered) { $0.ticketID == ticketID }
    }

    /// The counter closed: its waiting announcements go.
    public mutating func withdraw(counter: Int, at now: Date) {
        drop(now: now, reason: .counterClosed) { $0.counter == counter && $0.kind != .manual }
    }

    /// Every waiting announcement goes, for `reason` (the sound output failed, the daemon stops).
    public mutating func dropAll(at now: Date, reason: AnnouncementOutcome.DropReason) {
        drop(now: now, reason: reason) { _ in true }
    }

    /// The next announcement to speak, which becomes ``current``; those that waited past ``maxDelay``
    /// are dropped on the way. Nil when nothing waits or one is being spoken.
    public mutating func take(at now: Date) -> Announcement? {
        guard current == nil else { return nil }
        let maxDelay = self.maxDelay
        drop(now: now, reason: .late) { now.timeIntervalSince($0.requestedAt) > maxDelay }
        guard !pending.isEmpty else { return nil }
        current = pending.removeFirst()
        return current
    }

    /// The current announcement was spoken once more. Returns true when it should be spoken again now
    /// (plays left and nothing else waits); otherwise it ends as played.
    public mutating func spoke(at now: Date) -> Bool {
        guard var announcement = current else { return false }
        announcement.plays += 1
        current = announcement
        if announcement.plays < maxPlays, pending.isEmpty { return true }
        end(announcement, .played(times: announcement.plays), at: now)
        current = nil
        return false
    }

    /// The current announcement could not be spoken (or not again): it ends, as played if it was heard at
    /// least once, else dropped for `reason`.
    public mutating func failed(at now: Date, reason: AnnouncementOutcome.DropReason) {
        guard let announcement = current else { return }
        end(announcement, announcement.plays > 0 ? .played(times: announcement.plays) : .dropped(reason), at: now)
        current = nil
    }

    private mutating func drop(now: Date, reason: AnnouncementOutcome.DropReason, where matches: (Announcement) -> Bool) {
        let gone = pending.filter(matches)
        guard !gone.isEmpty else { return }
        pending.removeAll(where: matches)
        for announcement in gone { end(announcement, .dropped(reason), at: now) }
    }

    private mutating func end(_ announcement: Announcement, _ outcome: AnnouncementOutcome, at now: Date) {
        endedCount += 1
        recent.append(AnnouncementRecord(announcement: announcement, outcome: outcome, endedAt: now))
        if recent.count > recentLimit { recent.removeFirst(recent.count - recentLimit) }
    }
}
