/// An event as it crosses the workflow socket (INTERFACES.md, "Event types"):
/// `{"id": uuid, "seq": int, "type", "at": RFC 3339 with offset, "site", "data": {…}}`.
///
/// Decoding keeps every part exactly as it was written: `at` stays text, `data` stays a ``JSONValue``
/// object, and members the protocol does not know are kept in ``extra`` — so encoding an event decoded
/// from the daemon's compact sorted-key JSON (its event log's form) gives the same bytes again, and a core
/// that stores what it received loses nothing a newer daemon sent.
public struct WireEvent: Sendable, Hashable {
    /// `id`: the event's UUID (any letter case), unique for ever; the core stores each id once.
    public var id: String
    /// `seq`: the daemon's sequence number, 1, 2, 3, … with no gap.
    public var seq: Int64
    /// `type`: `ticket.issued`, `dossier.ready`, …; an open set (a core keeps types it does not know).
    public var type: String
    /// `at`: when it happened, RFC 3339 with an offset (`2026-11-30T08:05:03.120+07:00`).
    public var at: String
    /// `site`: the office.
    public var site: String
    /// `data`: the fields of its type.
    public var data: [String: JSONValue]
    /// Members of the event the protocol does not name, kept to be written back.
    public var extra: [String: JSONValue]

    /// An event.
    public init(
        id: String, seq: Int64, type: String, at: String, site: String, data: [String: JSONValue],
        extra: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.seq = seq
        self.type = type
        self.at = at
        self.site = site
        self.data = data
        self.extra = extra
    }
}
