/// One end of the workflow socket.
public enum WorkflowPeer: String, Sendable, Hashable, CaseIterable {
    /// The device daemon (`motcua serve`): connects, says hello, publishes events, looks dossiers up.
    case daemon
    /// The workflow core (`motcua workflow serve`, or another dossier system speaking the protocol).
    case core
}
