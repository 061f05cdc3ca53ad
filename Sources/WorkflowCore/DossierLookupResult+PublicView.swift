import Foundation
import Workflow
import WorkflowProtocol

extension DossierLookupResult {
    /// The `dossier.lookup` result of a public view: times in the core's RFC 3339 form, `due_at` left out when
    /// the dossier has no appointment, and `unit` the dossier's or, when it has none, `unit`.
    init(_ view: DossierPublicView, unit: String) {
        self.init(
            code: view.code, status: view.status, statusCode: view.statusCode, procedure: view.procedure,
            unit: view.unit ?? unit, receivedAt: WorkflowJSON.timestamp(view.receivedAt),
            dueAt: view.dueAt.map(WorkflowJSON.timestamp), returnedAt: view.returnedAt.map(WorkflowJSON.timestamp),
            supplement: view.supplement, feeDue: view.feeDue.map(Int64.init), applicantMasked: view.applicantMasked,
            updatedAt: WorkflowJSON.timestamp(view.updatedAt)
        )
    }
}
