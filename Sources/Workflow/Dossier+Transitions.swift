import Foundation

extension Dossier {
    /// Moves the dossier to `next` at `at`, if the national transitions allow it; records the change in the
    /// history, opens or closes the supplement clock, sets ``returnedAt`` on 10 and ``processingEndedAt`` on the
    /// first of 8, 9, 10, and keeps the stage in step (2→4 leaves reception, 9 reaches the last step, 10
    /// completes the route). Accepting a dossier submitted online (1→2, or 5→4 before any acceptance) computes
    /// its appointment and needs `calendar`. Throws ``DossierError/illegalTransition(from:to:)`` for any other
    /// move, and ``DossierError/outOfOrder(at:last:)`` for a time before the last change.
    public mutating func transition(to next: DossierStatus, at: Date, note: String? = nil, calendar: WorkingCalendar? = nil) throws(DossierError) {
        var copy = self
        try copy.apply(next, at: at, note: note, calendar: calendar)
        copy.syncStage(with: next, at: at, note: note)
        self = copy
    }

    /// Asks the applicant for a supplement (status 5) listing `items`; the processing clock stops until the
    /// dossier goes back to 4.
    public mutating func requestSupplement(_ items: [String], at: Date, note: String? = nil) throws(DossierError) {
        let items = items.map(ApplicantName.normalized).filter { !$0.isEmpty }
        guard !items.isEmpty else { throw .emptySupplement }
        try transition(to: .supplementRequested, at: at, note: note)
        supplementRequests = items
    }

    /// Asks the applicant to pay `amount` đồng of fees or taxes (status 6).
    public mutating func requestFees(_ amount: Int, at: Date, note: String? = nil) throws(DossierError) {
        guard amount >= 0 else { throw .badFee(amount) }
        try transition(to: .feesDue, at: at, note: note)
        feeDue = amount
    }

    /// Hands the dossier to the next step of its route (past optional steps when `skippingOptional`), changing the
    /// status when the new step implies another one (reception → 4, the origin's result desk → 9, past the last
    /// step → 10). Refused while the status is not the one the current step implies (waiting for a supplement or
    /// fees, withdrawn, stopped, refused, not yet accepted).
    public mutating func advance(at: Date, note: String? = nil, skippingOptional: Bool = false) throws(DossierError) {
        guard !stage.isCompleted else { throw .routeCompleted }
        guard status == stage.impliedStatus else { throw .cannotAdvance(status) }
        let next = try stage.advanced(skippingOptional: skippingOptional)
        var copy = self
        if next.impliedStatus != status {
            try copy.apply(next.impliedStatus, at: at, note: note, calendar: nil)
        } else {
            guard at >= updatedAt else { throw .outOfOrder(at: at, last: updatedAt) }
            copy.updatedAt = at
        }
        copy.move(to: next, at: at, note: note)
        self = copy
    }

    /// The appointment moved by the working time spent waiting for supplements up to `now`; `nil` before
    /// acceptance.
    public func movedDueAt(calendar: WorkingCalendar, at now: Date) -> Date? {
        dueAt.map { calendar.movedAppointment($0, supplements: supplementPeriods, until: min(now, processingEndedAt ?? now)) }
    }

    /// On time, nearly late or late at `now`; `nil` for a dossier without an appointment (not accepted, refused).
    public func timeliness(calendar: WorkingCalendar, at now: Date) -> Timeliness? {
        guard let dueAt else { return nil }
        return calendar.timeliness(dueAt: dueAt, supplements: supplementPeriods, processingEndedAt: processingEndedAt, at: now)
    }

    private mutating func apply(_ next: DossierStatus, at: Date, note: String?, calendar: WorkingCalendar?) throws(DossierError) {
        try status.checkMove(to: next)
        guard at >= updatedAt else { throw .outOfOrder(at: at, last: updatedAt) }
        if receivedAt == nil && (next == .accepted || next == .processing) {
            guard let calendar else { throw .calendarNeeded }
            receivedAt = at
            dueAt = calendar.appointment(receivedAt: at, workingDays: processingDays)
        }
        if status == .supplementRequested {
            supplementRequests = []
            if let last = supplementPeriods.indices.last, supplementPeriods[last].end == nil {
                supplementPeriods[last].end = at
            }
        }
        if status == .feesDue { feeDue = nil }
        if next == .supplementRequested && receivedAt != nil {
            supplementPeriods.append(SupplementPeriod(start: at))
        }
        if next.endsProcessing && processingEndedAt == nil { processingEndedAt = at }
        if next == .returned { returnedAt = at }
        history.append(StatusChange(at: at, from: status, to: next, note: Self.clean(note)))
        status = next
        updatedAt = at
    }

    private mutating func syncStage(with status: DossierStatus, at: Date, note: String?) {
        switch status {
        case .processing where stage.isFirst:
            // The stage is never completed at its first step, so there is a next one.
            if let next = try? stage.advanced() { move(to: next, at: at, note: note) }
        case .finished where !stage.isLast:
            move(to: stage.atLastStep, at: at, note: note)
        case .returned where !stage.isCompleted:
            move(to: stage.completed, at: at, note: note)
        default:
            break
        }
    }

    private mutating func move(to next: Stage, at: Date, note: String?) {
        stageHistory.append(StageMove(at: at, from: stage.position, to: next.position, note: Self.clean(note)))
        stage = next
    }
}
