import Foundation

/// The estimated wait for a place in a service's queue: the people ahead, shared among the open
/// counters that serve it, each taking the mean of the service's recent service times.
public enum WaitEstimate {
    /// Seconds to wait with `ahead` people in front, or `nil` when no counter serving it is open.
    public static func seconds(ahead: Int, openCounters: Int, recentServiceTimes: [TimeInterval], sample: Int, fallback: TimeInterval) -> Int? {
        guard openCounters > 0 else { return nil }
        let recent = recentServiceTimes.suffix(max(1, sample))
        let mean = recent.isEmpty ? fallback : recent.reduce(0, +) / Double(recent.count)
        return Int((Double(ahead) * mean / Double(openCounters)).rounded(.up))
    }
}
