import Foundation
import Synchronization

/// Slows down password guessing: after `limit` failed logins for one account within `window`, further
/// attempts for it are refused until the window has passed, the right password included.
final class LoginThrottle: Sendable {
    private struct Failures {
        var count: Int
        var since: Date
    }

    private let failures = Mutex<[String: Failures]>([:])
    private let limit: Int
    private let window: TimeInterval

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until `name` may try again, or `nil` when it may now.
    func wait(for name: String, now: Date) -> TimeInterval? {
        failures.withLock { all in
            guard let entry = all[name] else { return nil }
            let until = entry.since + window
            if until <= now {
                all[name] = nil
                return nil
            }
            return entry.count >= limit ? until.timeIntervalSince(now) : nil
        }
    }

    /// Records a failed attempt.
    func failed(_ name: String, now: Date) {
        failures.withLock { all in
            // Guessing many names must not grow this without bound.
            if all.count > 10_000 { all = all.filter { $0.value.since + window > now } }
            if let entry = all[name], entry.since + window > now {
                all[name]?.count = entry.count + 1
            } else {
                all[name] = Failures(count: 1, since: now)
            }
        }
    }

    /// Forgets the failures of an account that logged in.
    func succeeded(_ name: String) {
        failures.withLock { _ = $0.removeValue(forKey: name) }
    }
}
