import Foundation

/// One line a scanner read, for the kiosk it serves.
public struct ScannedCode: Sendable, Hashable, Encodable {
    /// The kiosk's id (`scanners[].kiosk`).
    public var kiosk: String
    /// What was scanned (a dossier code, or a link or label holding one).
    public var code: String
    /// When.
    public var at: Date

    /// Creates a scan.
    public init(kiosk: String, code: String, at: Date) {
        self.kiosk = kiosk
        self.code = code
        self.at = at
    }
}
