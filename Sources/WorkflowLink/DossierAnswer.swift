import Foundation
import WorkflowProtocol

/// What a dossier lookup found out.
public enum DossierAnswer: Sendable, Hashable {
    /// The workflow core's answer, just now.
    case current(DossierLookupResult, at: Date)
    /// The core could not be asked (down, slow, failing): its last answer for this code, from `asOf`.
    case stale(DossierLookupResult, asOf: Date)
    /// The core knows no dossier with this code.
    case notFound
    /// The core could not be asked and nothing is known of this code.
    case unavailable
}
