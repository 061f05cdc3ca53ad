/// One row of the seed's inter-level tables: who holds the dossier, at which level, and what they do.
public struct RouteStep: Sendable, Hashable, Codable {
    /// The role holding the dossier during this step.
    public let role: StageRole
    /// The level the role belongs to.
    public let level: Level
    /// What happens, in short Vietnamese.
    public let summary: String
    /// Whether the seed lets the previous step send the dossier past this one ("có thể chuyển trực tiếp").
    public let isOptional: Bool

    /// A step of a route.
    public init(_ role: StageRole, _ level: Level, _ summary: String, optional: Bool = false) {
        self.role = role
        self.level = level
        self.summary = summary
        self.isOptional = optional
    }

    /// The holder as a clerk reads it: "Công chức thụ lý cấp thành phố".
    public func holder(_ names: LevelNames) -> String { "\(role.vietnamese) cấp \(names.name(of: level))" }
}
