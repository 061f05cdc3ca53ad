/// Where the office day stands.
///
/// `notOpened ──opening time──► open ──closing time──► closed`; a new calendar day starts at `notOpened`.
public enum DayPhase: String, Sendable, Hashable, Codable {
    /// Before the opening time: no tickets yet.
    case notOpened = "not_opened"
    /// Tickets are issued and called.
    case open
    /// After the closing time: waiting tickets have expired.
    case closed
}
