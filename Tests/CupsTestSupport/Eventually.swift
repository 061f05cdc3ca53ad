import Foundation

/// Polls `check` every `interval` until it returns a value, for at most `limit`; then throws naming `what`.
///
/// Bounded waits instead of fixed sleeps: a fast machine passes quickly, a slow one still passes.
public func eventually<T>(
    _ what: String, within limit: Duration = .seconds(20), every interval: Duration = .milliseconds(50),
    _ check: () async throws -> T?
) async throws -> T {
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    var lastError: (any Error)?
    while true {
        do {
            if let value = try await check() { return value }
        } catch {
            lastError = error
        }
        if clock.now >= deadline { break }
        try await Task.sleep(for: interval)
    }
    throw TestFailure("timed out after \(limit) waiting for \(what)"
        + (lastError.map { "; last error: \($0)" } ?? ""))
}
