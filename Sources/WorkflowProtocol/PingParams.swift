/// `ping` params, core → daemon: `{}`. Members it does not know are ignored on decode.
public struct PingParams: WorkflowParams {
    /// The answer: ``EmptyResult``.
    public typealias Result = EmptyResult
    /// `ping`.
    public static let method = WorkflowMethod.ping

    /// Ping params.
    public init() {}
}
