/// Why a call to the workflow core did not get an answer.
public enum WorkflowLinkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection to the core now.
    case notConnected
    /// The connection closed before the answer came.
    case disconnected
    /// No answer within the time allowed.
    case timedOut(method: String, after: Duration)
    /// The core answered something the link cannot use.
    case badAnswer(String)

    public var description: String {
        switch self {
        case .notConnected: "the workflow core is not connected"
        case .disconnected: "the connection to the workflow core closed"
        case let .timedOut(method, after): "the workflow core did not answer \(method) within \(after)"
        case .badAnswer(let why): "the workflow core's answer was unusable: \(why)"
        }
    }
}
