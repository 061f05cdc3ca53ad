import QueueCore

/// What an operation answers once it is durable.
public struct OperationOutcome: Sendable {
    /// The ticket acted on, as it is now; `nil` when nobody was waiting for "next".
    public let ticket: TicketView?
    /// For a new ticket: how many wait before it in its service.
    public let ahead: Int?
    /// For a new ticket: the estimated wait in seconds, `nil` when no counter serving it is open.
    public let estimatedWait: Int?
}
