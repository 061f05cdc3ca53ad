/// What a key of a counter keypad does at its counter.
public enum CounterKeyAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Call the next citizen (finishing the one served, as the console's "next" does).
    case next
    /// Call the current number again.
    case recall
    /// The citizen has arrived: serving starts.
    case start
    /// Serving is done.
    case done
    /// The citizen did not come.
    case noShow = "no_show"
    /// Pause the counter.
    case pause
}
