import Foundation
import Synchronization

/// Keeps one address from flooding a public route (a stuck scanner, a script): at most `limit` requests per
/// address within a sliding `window`; beyond that, 429 until the window has moved on. Dossier lookups reach
/// the workflow core (a lookup kiosk used by people makes a few a minute); an announcement's sound may cost
/// espeak-ng and sox (a hall's TV fetches one per call).
final class AddressThrottle: Sendable {
    private let recent = Mutex<[String: [Date]]>([:])
    private let limit: Int
    private let window: TimeInterval

    init(limit: Int = 30, window: TimeInterval = 60) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// Seconds until `address` may ask again, or nil when it may now (and the request is counted).
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
