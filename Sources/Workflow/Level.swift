/// A level of local government in the inter-level process. The seed's "ward ↔ city" is one configuration of
/// "lower ↔ upper"; since 2025 it is "commune ↔ province". The names are ``LevelNames``.
public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
    /// The lower level: the seed's ward or commune (phường, xã).
    case lower
    /// The upper level: the seed's city (thành phố), today's province.
    case upper

    /// The level on the other side of an inter-level transfer.
    public var other: Level { self == .lower ? .upper : .lower }
}
