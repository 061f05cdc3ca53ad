/// What failed, in the categories of the administrator's incident log (seed Đ5.10).
public enum IncidentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A device: a printer, a display board, a scanner, a disk.
    case hardware
    /// A program: the daemon, the workflow core.
    case software
    /// The power: the server stopped without a proper shutdown.
    case power
    /// The network or a socket.
    case network
}
