import Synchronization

/// Counts the listeners that are up and runs an action once, when the last of them is.
final class ReadinessLatch: Sendable {
    private let remaining: Mutex<Int>
    private let action: @Sendable () -> Void

    init(count: Int, action: @escaping @Sendable () -> Void) {
        remaining = Mutex(count)
        self.action = action
    }

    /// One more listener is up.
    func arrive() {
        let last = remaining.withLock { count in
            count -= 1
            return count == 0
        }
        if last { action() }
    }
}
