import Foundation
import Synchronization
import WorkflowProtocol

/// The last answer of the workflow core for each dossier code, so the kiosk can still show something
/// (marked stale, with its time) while the core is down. Bounded: past `capacity` codes, the least recently
/// stored half is forgotten. It holds masked answers only, as the kiosk shows them.
public final class DossierLookupCache: Sendable {
    private struct Entry {
        var result: DossierLookupResult
        var at: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// How many codes it keeps at most.
    public let capacity: Int

    /// A cache of at most `capacity` codes.
    public init(capacity: Int = 20_000) {
        self.capacity = max(1, capacity)
    }

    /// Keeps `result` as the answer for its code at `at`.
    public func store(_ result: DossierLookupResult, at: Date) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[result.code] == nil {
                let oldest = entries.sorted { $0.value.at < $1.value.at }.prefix(max(1, capacity / 2)).map(\.key)
                for code in oldest { entries[code] = nil }
            }
            entries[result.code] = Entry(result: result, at: at)
        }
    }

    /// The last answer for `code` and its time.
    public func answer(for code: String) -> (result: DossierLookupResult, at: Date)? {
        entries.withLock { entries in entries[code].map { ($0.result, $0.at) } }
    }

    /// Forgets `code` (the core said it does not exist).
    public func forget(_ code: String) {
        _ = entries.withLock { $0.removeValue(forKey: code) }
    }
}
