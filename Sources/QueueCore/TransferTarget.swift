/// Where a clerk sends a ticket.
public enum TransferTarget: Sendable, Hashable {
    /// To the queue of another service (id or code).
    case service(String)
    /// To one counter, which alone may call it.
    case counter(Int)
}
