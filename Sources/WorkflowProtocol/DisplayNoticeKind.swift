/// The `kind` of a `display.notice`.
public enum DisplayNoticeKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// `dossier_ready`: a dossier's result is ready for collection (status 9); the daemon shows it as a
    /// `dossier.ready` event.
    case dossierReady = "dossier_ready"
}
