import Foundation

extension Dossier {
    /// The masked view a public kiosk may show (see ``DossierPublicView``).
    public func publicView(calendar: WorkingCalendar? = nil, at now: Date) -> DossierPublicView {
        DossierPublicView(self, calendar: calendar, at: now)
    }

    /// The applicant's name as a public kiosk shows it: "Nguyễn V** A".
    public var applicantMasked: String { ApplicantName.masked(applicant) }
}
