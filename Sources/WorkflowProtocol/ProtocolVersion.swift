/// The version of the workflow socket protocol, as `session.hello` carries it.
public enum ProtocolVersion {
    /// The version this build speaks: 1.
    public static let current = 1
}
