/// Where a ticket stands in its day.
///
/// ```
/// waiting ──call──► called ──start──► serving ──done──► done
///    ▲                 │  └──────────────done─────────────┘
///    │                 ├──no-show──► noShow
/// transferred ◄──transfer── called | serving
/// waiting | transferred | called ──day closes──► expired
/// ```
public enum TicketState: String, Sendable, Hashable, Codable, CaseIterable {
    /// In the queue, not yet called.
    case waiting
    /// Called to a counter, the citizen not yet at it.
    case called
    /// Being served at a counter.
    case serving
    /// Served.
    case done
    /// Called the allowed number of times without showing up.
    case noShow = "no_show"
    /// Sent to another service or counter; back in the queue there, keeping its place by issue time.
    case transferred
    /// Still waiting when the day closed.
    case expired

    /// Whether the ticket is in a queue and can be called.
    public var isQueued: Bool { self == .waiting || self == .transferred }

    /// Whether the ticket is at a counter.
    public var isAtCounter: Bool { self == .called || self == .serving }

    /// Whether nothing more can happen to the ticket.
    public var isFinal: Bool { self == .done || self == .noShow || self == .expired }
}
