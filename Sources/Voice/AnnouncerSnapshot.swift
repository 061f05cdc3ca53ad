import Announcements
import Foundation
import QueueCore

/// What the announcer is doing, as `GET /api/v1/announcements` shows it (JSON, snake_case keys).
public struct AnnouncerSnapshot: Sendable, Hashable, Codable {
    /// One announcement: waiting, being spoken, or ended.
    public struct Item: Sendable, Hashable, Codable {
        public var id: Int
        public var ticket: String
        public var counter: Int
        public var kind: Announcement.Kind
        public var requestedAt: String
        /// How many times it was spoken.
        public var plays: Int
        /// `played` or `dropped`, for an ended one.
        public var outcome: String?
        /// Why it was dropped: `late`, `answered`, `superseded`, `counter_closed`, `no_sound`, `no_audio`, `shutdown`.
        public var reason: AnnouncementOutcome.DropReason?
        public var endedAt: String?

        enum CodingKeys: String, CodingKey {
            case id, ticket, counter, kind, plays, outcome, reason
            case requestedAt = "requested_at", endedAt = "ended_at"
        }

        public init(_ announcement: Announcement, outcome: AnnouncementOutcome? = nil, endedAt: Date? = nil) {
            id = announcement.id
            ticket = announcement.ticket
            counter = announcement.counter
            kind = announcement.kind
            requestedAt = Self.format(announcement.requestedAt)
            plays = announcement.plays
            switch outcome {
            case let .played(times):
                self.outcome = "played"
                plays = times
            case let .dropped(why):
                self.outcome = "dropped"
                reason = why
            case nil: break
            }
            self.endedAt = endedAt.map(Self.format)
        }

        /// RFC 3339 with the office's offset, as every time of the API.
        static func format(_ date: Date) -> String { Timestamp.format(date) }
    }

    /// The languages spoken, in order.
    public var languages: [String]
    /// The player command, or nil when nothing is played on this machine.
    public var player: String?
    /// `ok` (played before), `unknown` (nothing played yet), `failing` (the last try failed), `off` (no player).
    public var sound: String
    /// The player's last failure while `failing`.
    public var soundError: String?
    /// At most this many plays each.
    public var maxPlays: Int
    public var current: Item?
    public var pending: [Item]
    /// The latest ended ones, newest first.
    public var recent: [Item]

    enum CodingKeys: String, CodingKey {
        case languages, player, sound, current, pending, recent
        case soundError = "sound_error", maxPlays = "max_plays"
    }
}
