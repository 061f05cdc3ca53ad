import Foundation

/// A queue ticket (số thứ tự) and everything that happened to it during its day.
public struct Ticket: Sendable, Hashable, Identifiable {
    /// A UUID string, unique for ever.
    public let id: String
    /// The office day it belongs to.
    public let day: BusinessDay
    /// The service it was issued for (numbering belongs to this one).
    public let issuedService: Int
    /// The position in its issuing service's day, 1-based, gap-free.
    public let sequence: Int
    /// The printed number, such as `A001`.
    public let number: String
    /// The priority group, or `nil` for a regular ticket.
    public let priority: String?
    /// The kiosk that issued it, when known.
    public let kiosk: String?
    /// When it was issued; its place in every queue it enters.
    public let issuedAt: Date

    /// The service whose queue it is in now (changes on transfer).
    public var service: Int
    /// A counter it was transferred to; only that counter calls it.
    public var targetCounter: Int?
    /// Its state.
    public var state: TicketState
    /// The counter it was last called to.
    public var counter: Int?
    /// How many times it was called (recalls included) at its current counter.
    public var callCount: Int
    /// When it was first called at its current counter.
    public var calledAt: Date?
    /// When serving started.
    public var servedAt: Date?
    /// When it reached a final state.
    public var finishedAt: Date?
    /// The dossier received while serving it.
    public var dossier: String?
    /// The citizen's rating, 1 (very unsatisfied) to 5 (very satisfied).
    public var rating: Int?
    /// How many times it was transferred.
    public var transfers: Int

    public init(
        id: String, day: BusinessDay, issuedService: Int, sequence: Int, number: String, priority: String?,
        kiosk: String?, issuedAt: Date, service: Int? = nil, targetCounter: Int? = nil,
        state: TicketState = .waiting, counter: Int? = nil, callCount: Int = 0, calledAt: Date? = nil,
        servedAt: Date? = nil, finishedAt: Date? = nil, dossier: String? = nil, rating: Int? = nil,
        transfers: Int = 0
    ) {
        self.id = id
        self.day = day
        self.issuedService = issuedService
        self.sequence = sequence
        self.number = number
        self.priority = priority
        self.kiosk = kiosk
        self.issuedAt = issuedAt
        self.service = service ?? issuedService
        self.targetCounter = targetCounter
        self.state = state
        self.counter = counter
        self.callCount = callCount
        self.calledAt = calledAt
        self.servedAt = servedAt
        self.finishedAt = finishedAt
        self.dossier = dossier
        self.rating = rating
        self.transfers = transfers
    }

    /// Whether the ticket belongs to a priority group.
    public var isPriority: Bool { priority != nil }
}
