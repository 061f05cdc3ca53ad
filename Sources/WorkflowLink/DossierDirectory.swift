/// Where the lookup kiosk's questions go: the workflow link, which asks the workflow core and falls back on
/// its last answers.
public protocol DossierDirectory: Sendable {
    /// What is known of the dossier `code` (a well-formed code; the caller checks its shape first).
    func lookup(_ code: String) async -> DossierAnswer
}
