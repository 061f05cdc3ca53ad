import Foundation

/// An announcement that is over, for the list of the latest ones.
public struct AnnouncementRecord: Sendable, Hashable {
    public var announcement: Announcement
    public var outcome: AnnouncementOutcome
    public var endedAt: Date

    public init(announcement: Announcement, outcome: AnnouncementOutcome, endedAt: Date) {
        self.announcement = announcement
        self.outcome = outcome
        self.endedAt = endedAt
    }
}
