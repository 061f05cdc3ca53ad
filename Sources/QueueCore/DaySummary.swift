/// The totals of an office day, carried by `day.closed`.
public struct DaySummary: Sendable, Hashable, Codable {
    public var issued: Int
    public var served: Int
    public var noShow: Int
    public var expired: Int

    enum CodingKeys: String, CodingKey {
        case issued, served, expired
        case noShow = "no_show"
    }

    public init(issued: Int, served: Int, noShow: Int, expired: Int) {
        self.issued = issued
        self.served = served
        self.noShow = noShow
        self.expired = expired
    }
}
