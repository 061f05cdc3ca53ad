/// What an office calls its two levels, as configuration: "phường, xã" and "thành phố" in the seed.
public struct LevelNames: Sendable, Hashable, Codable {
    /// The lower level's name, used after "cấp": "phường, xã".
    public var lower: String
    /// The upper level's name, used after "cấp": "thành phố".
    public var upper: String

    /// Names for the two levels.
    public init(lower: String, upper: String) {
        self.lower = lower
        self.upper = upper
    }

    /// The name of `level`.
    public func name(of level: Level) -> String { level == .lower ? lower : upper }

    /// "cấp dưới" and "cấp trên", when nothing is configured.
    public static let generic = LevelNames(lower: "dưới", upper: "trên")
    /// The seed's configuration (Vũng Tàu, 2011): wards and communes under the city.
    public static let wardAndCity = LevelNames(lower: "phường, xã", upper: "thành phố")
    /// Two-tier local government since 2025: communes and wards under the province or centrally-run city.
    public static let communeAndProvince = LevelNames(lower: "xã, phường", upper: "tỉnh, thành phố")
}
