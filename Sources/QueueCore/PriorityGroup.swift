/// A group of citizens served ahead of others (elderly, disabled, pregnant, …); configuration.
public struct PriorityGroup: Sendable, Hashable, Codable {
    /// Stable code used in the API, such as `elderly`.
    public let code: String
    /// Vietnamese name shown on the kiosk.
    public let name: String
    /// English name, when the kiosk is switched to English.
    public let nameEn: String?

    public init(code: String, name: String, nameEn: String? = nil) {
        self.code = code
        self.name = name
        self.nameEn = nameEn
    }
}
