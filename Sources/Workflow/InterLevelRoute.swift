/// Whether a dossier crosses levels (liên thông), and which way. The steps are the seed's two tables, as data
/// (``SeedProcess``).
public enum InterLevelRoute: String, Sendable, Hashable, Codable, CaseIterable {
    /// Handled entirely at the level that received it.
    case none
    /// Received at the lower level, decided at the upper level, returned at the lower level (seed table 1).
    case upward
    /// Received at the upper level, partly handled at the lower level, returned at the upper level (seed table 2).
    case downward

    /// The level where the citizen files the dossier and collects the result; for ``none`` it is `local`.
    public func origin(local: Level) -> Level {
        switch self {
        case .none: local
        case .upward: .lower
        case .downward: .upper
        }
    }

    /// The ordered steps of this route; `local` is the level of a route that stays at one level.
    public func steps(local: Level) -> [RouteStep] {
        switch self {
        case .none: local == .lower ? SeedProcess.localLower : SeedProcess.localUpper
        case .upward: SeedProcess.upward
        case .downward: SeedProcess.downward
        }
    }

    /// Vietnamese name: "Liên thông lên cấp trên".
    public var vietnamese: String {
        switch self {
        case .none: "Không liên thông"
        case .upward: "Liên thông lên cấp trên"
        case .downward: "Liên thông xuống cấp dưới"
        }
    }
}
