/// The result `{}` (of `display.notice` and `ping`). Decodes from any object, ignoring its members.
public struct EmptyResult: Codable, Sendable, Hashable {
    /// The empty result.
    public init() {}
}
