import Foundation

/// One entry of the incident log: what failed, why, from when to when (seed Đ5.10).
public struct Incident: Sendable, Hashable, Codable {
    public let id: String
    public let kind: IncidentKind
    /// The device concerned, when there is one (a printer's queue, a board's path).
    public let device: String?
    /// What happened, in words an administrator reads (Vietnamese).
    public let cause: String
    public let startedAt: Date
    /// `nil` while the incident lasts.
    public let endedAt: Date?

    public init(id: String = UUID().uuidString.lowercased(), kind: IncidentKind, device: String? = nil, cause: String, startedAt: Date, endedAt: Date? = nil) {
        self.id = id
        self.kind = kind
        self.device = device
        self.cause = cause
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
