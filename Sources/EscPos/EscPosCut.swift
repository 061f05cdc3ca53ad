/// How the auto-cutter cuts the paper (`GS V`).
public enum EscPosCut: Sendable, Hashable, CaseIterable {
    /// Cut through the paper (`GS V 0`, or `GS V 65 n` after feeding).
    case full
    /// Leave a small tab holding the ticket (`GS V 1`, or `GS V 66 n` after feeding).
    case partial
}
