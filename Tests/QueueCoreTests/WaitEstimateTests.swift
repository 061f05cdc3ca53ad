import Foundation
import QueueCore
import Testing

@Suite("Estimated wait")
struct WaitEstimateTests {
    @Test("no open counter means no estimate")
    func noOpenCounter() {
        #expect(WaitEstimate.seconds(ahead: 3, openCounters: 0, recentServiceTimes: [100], sample: 20, fallback: 300) == nil)
    }

    @Test("the people ahead share the open counters, each at the mean recent service time (rounded up)", arguments: [
        (3, 1, [Double](), 20, 900),        // fallback 300 s
        (3, 2, [], 20, 450),
        (0, 1, [], 20, 0),
        (2, 1, [600, 300], 20, 900),
        (1, 3, [100], 20, 34),              // 33.3 rounded up
        (4, 2, [1000, 100, 200], 2, 300),   // only the last two: mean 150
        (1, 1, [50, 70], 0, 70),            // a sample of at least one
    ])
    func formula(ahead: Int, open: Int, times: [Double], sample: Int, expected: Int) {
        #expect(WaitEstimate.seconds(ahead: ahead, openCounters: open, recentServiceTimes: times, sample: sample, fallback: 300) == expected)
    }

    @Test("QueueState: nil while no open counter serves the service; paused counters do not count")
    func stateNoCounter() throws {
        var state = Fixture.openDay()
        _ = try state.issue("DD", at: Fixture.at("08:00"))
        #expect(state.estimatedWait(service: 2, ahead: 1) == nil)
        try state.must(.open(counter: 1), at: Fixture.at("08:00"))  // HT only
        #expect(state.estimatedWait(service: 2, ahead: 1) == nil)
        try state.must(.open(counter: 4), at: Fixture.at("08:00"))
        #expect(state.estimatedWait(service: 2, ahead: 1) == 300)
        try state.must(.open(counter: 2), at: Fixture.at("08:00"))
        #expect(state.estimatedWait(service: 2, ahead: 4) == 600)
        try state.must(.pause(counter: 2), at: Fixture.at("08:00"))
        #expect(state.estimatedWait(service: 2, ahead: 4) == 1200)
    }

    @Test("QueueState: uses today's measured service times, from start (or call) to done, of the last `estimateSample`")
    func stateServiceTimes() throws {
        var state = Fixture.openDay(settings: Fixture.settings(estimateSample: 2))
        try state.must(.open(counter: 1), at: Fixture.at("08:00"))
        for _ in 0..<4 { _ = try state.issue("HT", at: Fixture.at("08:00")) }
        #expect(state.estimatedWait(service: 1, ahead: 1) == 300)

        _ = try state.callNext(1, at: Fixture.at("08:00"))
        try state.must(.start(counter: 1), at: Fixture.at("08:02"))
        try state.must(.done(counter: 1, dossier: nil, rating: nil), at: Fixture.at("08:22"))  // 20 min served
        #expect(state.estimatedWait(service: 1, ahead: 1) == 1200)

        _ = try state.callNext(1, at: Fixture.at("08:30"))
        try state.must(.done(counter: 1, dossier: nil, rating: nil), at: Fixture.at("08:40"))  // never started: 10 min from the call
        #expect(state.estimatedWait(service: 1, ahead: 1) == 900)

        _ = try state.callNext(1, at: Fixture.at("09:00"))
        try state.must(.start(counter: 1), at: Fixture.at("09:00"))
        _ = try state.callNext(1, at: Fixture.at("09:02"))  // next ends it after 2 min
        // The sample is 2: 10 min and 2 min.
        #expect(state.estimatedWait(service: 1, ahead: 3) == 3 * 360)

        // A no-show is not a service time.
        try state.must(.recall(counter: 1), at: Fixture.at("09:05"))
        try state.must(.noShow(counter: 1), at: Fixture.at("09:30"))
        #expect(state.estimatedWait(service: 1, ahead: 3) == 3 * 360)
        // Another service has no measurement and uses the default.
        try state.must(.open(counter: 4), at: Fixture.at("09:30"))
        #expect(state.estimatedWait(service: 2, ahead: 1) == 300)
    }
}
