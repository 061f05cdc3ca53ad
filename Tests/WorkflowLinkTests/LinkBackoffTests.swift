import Testing
import WorkflowLink

@Suite("Reconnect pauses")
struct LinkBackoffTests {
    @Test("pauses double up to the maximum, each between half and all of its ceiling, and start over after a reset")
    func doubling() {
        var backoff = LinkBackoff(initial: .milliseconds(200), maximum: .seconds(10))
        var generator = SystemRandomNumberGenerator()
        let ceilings: [Duration] = [.milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600),
                                    .milliseconds(3200), .milliseconds(6400), .seconds(10), .seconds(10), .seconds(10)]
        for ceiling in ceilings {
            #expect(backoff.ceiling == ceiling)
            let pause = backoff.next(using: &generator)
            #expect(pause >= ceiling / 2 && pause <= ceiling, "pause \(pause) outside [\(ceiling / 2), \(ceiling)]")
        }
        backoff.reset()
        #expect(backoff.ceiling == .milliseconds(200))
    }

    @Test("pauses are spread: daemons that lost the same core do not all come back at once")
    func jitter() {
        var pauses = Set<Duration>()
        for _ in 0..<50 {
            var backoff = LinkBackoff(initial: .seconds(1), maximum: .seconds(1))
            pauses.insert(backoff.next())
        }
        #expect(pauses.count > 10)
    }

    @Test("a maximum below the first pause is raised to it")
    func maximumBelowInitial() {
        var backoff = LinkBackoff(initial: .seconds(2), maximum: .seconds(1))
        for _ in 0..<5 { _ = backoff.next() }
        #expect(backoff.ceiling == .seconds(2))
    }
}
