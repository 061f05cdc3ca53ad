/// How long the workflow link waits before connecting again: doubling from `initial` up to `maximum`, each
/// pause drawn at random between half and all of it, so daemons that lost the same core do not all knock
/// at once when it returns.
public struct LinkBackoff: Sendable {
    /// The first pause.
    public let initial: Duration
    /// The longest pause.
    public let maximum: Duration
    private var attempt = 0

    /// A backoff from `initial` doubling up to `maximum`.
    public init(initial: Duration = .milliseconds(200), maximum: Duration = .seconds(10)) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// The ceiling of the next pause, before jitter.
    public var ceiling: Duration {
        var pause = initial
        for _ in 0..<min(attempt, 30) where pause < maximum { pause = pause * 2 }
        return min(pause, maximum)
    }

    /// The next pause: between half the ceiling and the ceiling, drawn with `generator`. Each call
    /// doubles the ceiling until it reaches ``maximum``.
    public mutating func next(using generator: inout some RandomNumberGenerator) -> Duration {
        let top = ceiling
        attempt += 1
        let fraction = Double.random(in: 0.5...1.0, using: &generator)
        return top * fraction
    }

    /// The next pause, drawn with the system's generator.
    public mutating func next() -> Duration {
        var generator = SystemRandomNumberGenerator()
        return next(using: &generator)
    }

    /// Back to the first pause (after a connection that worked).
    public mutating func reset() {
        attempt = 0
    }
}
