import Foundation

/// How an announcement ended.
public enum AnnouncementOutcome: Sendable, Hashable {
    /// Spoken this many times.
    case played(times: Int)
    /// Not spoken (or not to the end of its plays), and why.
    case dropped(DropReason)

    /// Why an announcement was not spoken.
    public enum DropReason: String, Sendable, Hashable, Codable {
        /// It waited longer than the queue's longest delay: the displays have shown it long since.
        case late
        /// The ticket is no longer called: the citizen came, was served, missed it or was sent on.
        case answered
        /// The counter called someone else before it was spoken.
        case superseded
        /// The counter closed before it was spoken.
        case counterClosed = "counter_closed"
        /// The sound output failed, or was failing when its turn came.
        case noSound = "no_sound"
        /// Its audio could not be made.
        case noAudio = "no_audio"
        /// The daemon stopped before its turn.
        case shutdown
    }
}
