/// Why the workflow store refused a write; the transaction is rolled back and nothing of it is kept.
public enum WorkflowStoreError: Error, Sendable, Hashable {
    /// A daemon sent a new event id with a `seq` that already holds another event.
    case seqConflict(daemonID: String, seq: Int64, id: String, existingID: String)
    /// A dossier with this code already exists.
    case dossierExists(code: String)
    /// No dossier has this code.
    case dossierNotFound(code: String)
    /// A stored dossier could not be read back.
    case corruptDossier(code: String, reason: String)
    /// A stored notice could not be read back.
    case corruptNotice(id: Int64, reason: String)

    /// Stable snake_case code.
    public var code: String {
        switch self {
        case .seqConflict: "seq_conflict"
        case .dossierExists: "dossier_exists"
        case .dossierNotFound: "not_found"
        case .corruptDossier: "corrupt_dossier"
        case .corruptNotice: "corrupt_notice"
        }
    }

    /// A sentence for logs and the socket.
    public var message: String {
        switch self {
        case .seqConflict(let daemonID, let seq, let id, let existingID):
            "Daemon \(daemonID): seq \(seq) already holds event \(existingID); event \(id) cannot take it"
        case .dossierExists(let code):
            "Hồ sơ \(code) đã tồn tại."
        case .dossierNotFound(let code):
            "Không tìm thấy hồ sơ \(code)."
        case .corruptDossier(let code, let reason):
            "Stored dossier \(code) is unreadable: \(reason)"
        case .corruptNotice(let id, let reason):
            "Stored notice \(id) is unreadable: \(reason)"
        }
    }
}
