/// How calls are announced in the hall (`announcements.*`).
public struct AnnouncementSettings: Sendable, Hashable {
    /// Whether calls are spoken on this machine's sound output (`announcements.enabled`); the display pages
    /// can fetch the sound either way.
    public var enabled: Bool
    /// The languages spoken, in order (`announcements.languages`): `vi`, `en`.
    public var languages: [String]
    /// The program that plays a WAV file (`announcements.player`), split on spaces; the file is added last.
    public var player: String
    /// How many times a call is spoken at most (`announcements.plays`): again only while nothing else waits.
    public var plays: Int
    /// How long a call may wait for its turn before it is dropped (`announcements.max_delay_seconds`).
    public var maxDelaySeconds: Int
    /// The voice's words per minute (`announcements.speed`).
    public var speed: Int
    /// A folder whose `LANG.yaml` and `chime.wav` replace the built-in phrases and chime (`announcements.templates`).
    public var templates: String?

    public init(
        enabled: Bool = true, languages: [String] = ["vi"], player: String = "aplay -q", plays: Int = 2,
        maxDelaySeconds: Int = 90, speed: Int = 145, templates: String? = nil
    ) {
        self.enabled = enabled
        self.languages = languages
        self.player = player
        self.plays = plays
        self.maxDelaySeconds = maxDelaySeconds
        self.speed = speed
        self.templates = templates
    }
}
