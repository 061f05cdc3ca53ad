import Foundation

/// One line of a dossier's history: a status change with its time and note.
public struct StatusChange: Sendable, Hashable, Codable {
    /// When it happened.
    public let at: Date
    /// The status before; `nil` for the dossier's first status.
    public let from: DossierStatus?
    /// The status after.
    public let to: DossierStatus
    /// What the clerk wrote.
    public let note: String?

    /// A history line.
    public init(at: Date, from: DossierStatus?, to: DossierStatus, note: String?) {
        self.at = at
        self.from = from
        self.to = to
        self.note = note
    }
}
