import Foundation
import Synchronization

/// Keeps one address from flooding the workflow core with lookups (a stuck scanner, a script): at most
/// `limit` lookups per address within a sliding `window`; beyond that, 429 until the window has moved on.
/// A lookup kiosk used by people makes a few lookups a minute.
final class LookupThrottle: Sendable {
    private let recent = Mutex<[String: [Date]]>([:])
    private let limit: Int
    private let window: TimeInterval

    init(limit: Int = 30, window: TimeInterval = 60) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// Seconds until `address` may look up again, or nil when it may now (and the lookup is counted).
    func admit(_ address: String, now: Date) -> TimeInterval? {
        recent.withLock { recent in
            // Many addresses must not grow this without bound.
            if recent.count > 10_000 { recent = recent.filter { ($0.value.last ?? .distantPast) > now - window } }
            var times = recent[address, default: []].filter { $0 > now - window }
            if times.count >= limit {
                recent[address] = times
                return max(1, (times[0] + window).timeIntervalSince(now))
            }
            times.append(now)
            recent[address] = times
            return nil
        }
    }
}
