import Announcements
import Foundation
import Logging
import QueueCore
import QueueService
import ServiceLifecycle
import Store
import Testing
import Voice

/// The announcer following a real queue engine: calls made through the engine, sound made by espeak-ng
/// and sox. The one stand-in is the sound card (there is none here): the player is a script that writes
/// when it starts and ends each file and takes a tenth of the file's length (read with `soxi`) to "play".
@Suite("The announcer", .serialized)
struct AnnouncerServiceTests {
    /// An office with ten counters serving one service, its day open (Monday 30/11/2026, 08:00).
    struct Office {
        let engine: QueueEngine
        let audio: AnnouncementAudio
        let folder: URL
        let log: URL

        init(player: String) throws {
            folder = try VoiceFixture.scratch("announcer")
            log = folder.appendingPathComponent("played.log")
            let store = try QueueStore()
            try store.install(
                services: [Service(id: 1, code: "HT", name: "Hộ tịch", prefix: "A")],
                counters: (1...10).map { Counter(number: $0, services: [1]) }, replace: true
            )
            let now = BusinessDay(year: 2026, month: 11, day: 30).date(at: TimeOfDay("08:00")!, in: OfficeCalendar.vietnam)
            engine = try QueueEngine(store: store, settings: QueueSettings(site: "voice-test"), clock: { now })
            audio = try AnnouncementAudio(books: try VoiceFixture.books(), languages: ["vi"], cacheFolder: folder.appendingPathComponent("cache").path)
            let script = folder.appendingPathComponent("player.sh")
            try player.replacingOccurrences(of: "LOG", with: log.path).write(to: script, atomically: true, encoding: .utf8)
            chmod(script.path, 0o755)
        }

        var player: SoundOutput { SoundOutput(commandLine: folder.appendingPathComponent("player.sh").path)! }

        /// The plays written by the player: (file, start, end), in order.
        func plays() throws -> [(file: String, start: Double, end: Double)] {
            guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
            var starts: [String: Double] = [:]
            var plays: [(file: String, start: Double, end: Double)] = []
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                guard parts.count == 3, let time = Double(parts[1]) else { continue }
                if parts[0] == "start" { starts[String(parts[2])] = time }
                if parts[0] == "end" { plays.append((String(parts[2]), starts[String(parts[2])] ?? -1, time)) }
            }
            return plays
        }
    }

    /// Plays each file for a tenth of its length, writing when it starts and ends.
    static let pacedPlayer = """
        #!/bin/sh
        echo "start $(date +%s.%N) $1" >> LOG
        sleep "$(soxi -D "$1" | awk '{ print $1 / 10 }')"
        echo "end $(date +%s.%N) $1" >> LOG
        """

    static func waitFor(_ seconds: Double = 30, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("gave up waiting after \(seconds) s")
    }

    static func running<T: Sendable>(_ announcer: AnnouncerService, _ body: () async throws -> T) async throws -> T {
        let group = ServiceGroup(configuration: .init(services: [announcer], logger: Logger(label: "test")))
        async let running: Void = group.run()
        // The announcer must follow the hub before the first call.
        try await Task.sleep(for: .milliseconds(200))
        do {
            let result = try await body()
            await group.triggerGracefulShutdown()
            try await running
            return result
        } catch {
            await group.triggerGracefulShutdown()
            try? await running
            throw error
        }
    }

    /// Ten clerks press "next" at once: every call is spoken in the order the calls were made, none
    /// overlaps another, each once, and the last (with nothing left waiting) a second time.
    @Test func aBurstOfTenCallsIsSpokenInOrderWithoutOverlap() async throws {
        let office = try Office(player: Self.pacedPlayer)
        let announcer = AnnouncerService(audio: office.audio, output: office.player, engine: office.engine, maxPlays: 2, logger: Logger(label: "test"))
        try await Self.running(announcer) {
            for counter in 1...10 { _ = try await office.engine.perform(.open(counter: counter)) }
            for _ in 1...10 { _ = try await office.engine.perform(.issue(service: "HT", priority: nil, kiosk: nil)) }
            let called = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for counter in 1...10 {
                    group.addTask { (counter, try await office.engine.perform(.next(counter: counter)).ticket?.number ?? "") }
                }
                return try await group.reduce(into: [(Int, String)]()) { $0.append($1) }
            }
            // The order the engine committed them in: the numbers go out in call order.
            let order = called.sorted { $0.1 < $1.1 }
            try await Self.waitFor { try office.plays().count == 11 }
            let plays = try office.plays()
            var expected: [String] = []
            for (counter, number) in order { expected.append(try await office.audio.file(ticket: number, counter: counter).path) }
            #expect(plays.map(\.file) == expected + [expected.last!])
            for (previous, next) in zip(plays, plays.dropFirst()) {
                #expect(next.start >= previous.end, "a play started at \(next.start) before the one before it ended at \(previous.end)")
            }
            let snapshot = await announcer.snapshot()
            #expect(snapshot.sound == "ok")
            #expect(snapshot.recent.count == 10)
            #expect(snapshot.recent.first?.plays == 2)
            #expect(snapshot.recent.dropFirst().allSatisfy { $0.plays == 1 && $0.outcome == "played" })
            // The metrics count them, and how long each call waited for its turn.
            let metrics = office.engine.metrics.render()
            #expect(metrics.contains(#"motcua_announcements_total{outcome="played",reason=""} 10"#), "\(metrics)")
            #expect(metrics.contains("motcua_call_to_voice_seconds_count 10"))
        }
    }

    /// A recall asks for the announcement again; a ticket served before its turn is not announced.
    @Test func aRecallRepeatsAndAnAnsweredCallIsNotSpoken() async throws {
        let office = try Office(player: Self.pacedPlayer)
        let announcer = AnnouncerService(audio: office.audio, output: office.player, engine: office.engine, maxPlays: 1, logger: Logger(label: "test"))
        try await Self.running(announcer) {
            _ = try await office.engine.perform(.open(counter: 1))
            _ = try await office.engine.perform(.open(counter: 2))
            for _ in 1...2 { _ = try await office.engine.perform(.issue(service: "HT", priority: nil, kiosk: nil)) }
            _ = try await office.engine.perform(.next(counter: 1))
            try await Self.waitFor { try office.plays().count == 1 }
            _ = try await office.engine.perform(.recall(counter: 1))
            try await Self.waitFor { try office.plays().count == 2 }
            let first = try await office.audio.file(ticket: "A001", counter: 1).path
            #expect(try office.plays().map(\.file) == [first, first])
            // Recalled again, A001 is spoken a third time; meanwhile counter 2 calls A002 and the citizen is
            // already there (start) before A001 has finished: A002 is never spoken.
            _ = try await office.engine.perform(.recall(counter: 1))
            _ = try await office.engine.perform(.next(counter: 2))
            _ = try await office.engine.perform(.start(counter: 2))
            try await Self.waitFor { await announcer.snapshot().recent.count == 4 }
            let recent = await announcer.snapshot().recent
            #expect(recent.contains { $0.ticket == "A002" && $0.outcome == "dropped" && $0.reason == .answered })
            #expect(recent.filter { $0.ticket == "A001" }.map(\.kind) == [.recall, .recall, .call])
            #expect(try office.plays().map(\.file) == [first, first, first])
        }
    }

    /// Runs `announcer` in a service group, makes a call, and stops the group once the player has started;
    /// returns when the group has ended. `cancelAfter`: how long the group waits before it cancels.
    static func stopWhileSpeaking(_ announcer: AnnouncerService, _ office: Office, cancelAfter: Duration? = nil) async throws {
        var configuration = ServiceGroupConfiguration(services: [announcer], logger: Logger(label: "test"))
        configuration.maximumGracefulShutdownDuration = cancelAfter
        let group = ServiceGroup(configuration: configuration)
        async let running: Void = group.run()
        try await Task.sleep(for: .milliseconds(200))
        _ = try await office.engine.perform(.open(counter: 1))
        _ = try await office.engine.perform(.issue(service: "HT", priority: nil, kiosk: nil))
        _ = try await office.engine.perform(.next(counter: 1))
        try await Self.waitFor { ((try? String(contentsOf: office.log, encoding: .utf8)) ?? "").contains("start ") }
        await group.triggerGracefulShutdown()
        try await running
    }

    /// The daemon stops while a call is being spoken: the phrase is heard to its end, then it stops.
    @Test func aStopNeverCutsAnAnnouncementOff() async throws {
        let office = try Office(player: Self.pacedPlayer)
        let announcer = AnnouncerService(audio: office.audio, output: office.player, engine: office.engine, maxPlays: 1, logger: Logger(label: "test"))
        try await Self.stopWhileSpeaking(announcer, office)
        let plays = try office.plays()
        #expect(plays.count == 1, "the play that had begun ended: \(plays)")
    }

    /// A player that hangs (a sound server that never answers) cannot hold the daemon's stop: past the
    /// grace it is killed, the announcement is dropped as `shutdown`, and the speaker is not called failing.
    @Test(.timeLimit(.minutes(1))) func aHungPlayerCannotHoldTheStop() async throws {
        let office = try Office(player: """
            #!/bin/sh
            echo "start $(date +%s.%N) $1 $$" >> LOG
            exec sleep 600
            """)
        var output = office.player
        output.stopGrace = .milliseconds(300)
        let announcer = AnnouncerService(audio: office.audio, output: output, engine: office.engine, maxPlays: 1, logger: Logger(label: "test"))
        // The daemon's group waits 15 s for a graceful stop, then cancels; here that comes at once.
        try await Self.stopWhileSpeaking(announcer, office, cancelAfter: .milliseconds(200))
        let after = await announcer.snapshot()
        #expect(after.current == nil)
        #expect(after.recent.first?.reason == .shutdown, "the call being spoken ended with the stop: \(after.recent)")
        #expect(after.sound != "failing", "a player killed by the stop says nothing of the speaker")
        let started = try String(contentsOf: office.log, encoding: .utf8).split(separator: " ")
        let pid = try #require(started.last.flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the hung player (pid \(pid)) was killed")
    }

    /// No sound card: the player fails, the failure is shown once, the calls go on (the displays show
    /// them), and when the player works again so do announcements.
    @Test func aFailingPlayerLosesNoCallAndRecovers() async throws {
        let office = try Office(player: """
            #!/bin/sh
            if [ -e "LOG.broken" ]; then echo "aplay: main:831: audio open error: No such file or directory" >&2; exit 1; fi
            echo "start $(date +%s.%N) $1" >> LOG
            echo "end $(date +%s.%N) $1" >> LOG
            """)
        #expect(FileManager.default.createFile(atPath: office.log.path + ".broken", contents: Data()))
        let announcer = AnnouncerService(
            audio: office.audio, output: office.player, engine: office.engine, maxPlays: 1, soundRetry: 0.5, logger: Logger(label: "test")
        )
        try await Self.running(announcer) {
            _ = try await office.engine.perform(.open(counter: 1))
            for _ in 1...3 { _ = try await office.engine.perform(.issue(service: "HT", priority: nil, kiosk: nil)) }
            _ = try await office.engine.perform(.next(counter: 1))
            try await Self.waitFor { await announcer.snapshot().sound == "failing" }
            let failing = await announcer.snapshot()
            #expect(failing.soundError?.contains("audio open error") == true)
            #expect(failing.soundError?.hasPrefix("không phát được tiếng ra loa (cannot play): ") == true, "Vietnamese first, as the admin page shows it")
            #expect(failing.recent.first?.reason == .noSound)
            #expect(office.engine.metrics.render().contains(#"motcua_announcements_total{outcome="dropped",reason="no_sound"} 1"#))
            // The queue is not held up: the next call is made and stored.
            _ = try await office.engine.perform(.done(counter: 1, dossier: nil, rating: nil))
            #expect(try await office.engine.perform(.next(counter: 1)).ticket?.number == "A002")
            // The speaker comes back; after the retry time the next call is heard.
            try FileManager.default.removeItem(atPath: office.log.path + ".broken")
            try await Task.sleep(for: .milliseconds(600))
            _ = try await office.engine.perform(.done(counter: 1, dossier: nil, rating: nil))
            _ = try await office.engine.perform(.next(counter: 1))
            try await Self.waitFor { try office.plays().count == 1 }
            #expect(try office.plays().map(\.file) == [try await office.audio.file(ticket: "A003", counter: 1).path])
            try await Self.waitFor { await announcer.snapshot().sound == "ok" }
        }
    }
}
