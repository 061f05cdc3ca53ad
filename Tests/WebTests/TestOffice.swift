import Announcements
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QueueCore
import QueueService
import Store
import Voice
import Web

/// An office for route tests: an in-memory store, the demo-like services below, a clock the test moves.
struct TestOffice {
    /// A clock the test sets; starts on a Monday at 08:00 in Vietnam.
    final class Clock: @unchecked Sendable {
        // @unchecked: guarded by the lock; tests move time between requests.
        private let lock = NSLock()
        private var current: Date

        init(_ start: Date) { current = start }

        var now: Date {
            get { lock.withLock { current } }
            set { lock.withLock { current = newValue } }
        }

        func advance(_ seconds: TimeInterval) { now = now + seconds }
    }

    /// The offices' sound caches: one per office, since a sound made by another test would not count as
    /// new (AnnouncementAudioRouteTests), all in one folder removed when the test process exits. Not
    /// removed with the office: a test's server may still make a sound after its last use of the office.
    enum VoiceCaches {
        static let root: URL = {
            atexit { try? FileManager.default.removeItem(at: VoiceCaches.root) }
            return FileManager.default.temporaryDirectory.appendingPathComponent("motcua-web-voice-\(UUID().uuidString)")
        }()

        /// A new, empty cache folder's path (AnnouncementAudio makes it).
        static func fresh() -> String { root.appendingPathComponent(UUID().uuidString).path }
    }

    static let monday = BusinessDay(year: 2026, month: 11, day: 30)

    let store: QueueStore
    let engine: QueueEngine
    let office: Office
    let clock: Clock
    let announcer: AnnouncerService

    /// The checkout's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Services: HT (A, 07:00-17:00), CT (B, quota 3), DD (C, disabled).
    /// Counters: 1 [HT, CT], 2 [CT], 3 [HT].
    init(at time: String = "08:00", settings: QueueSettings = QueueSettings(site: "test-site")) async throws {
        store = try QueueStore()
        let services = [
            Service(id: 1, code: "HT", name: "Hộ tịch", nameEn: "Civil status", prefix: "A",
                    issuingWindows: [TimeWindow("07:00-17:00")!]),
            Service(id: 2, code: "CT", name: "Chứng thực", prefix: "B", dailyQuota: 3),
            Service(id: 3, code: "DD", name: "Đất đai", prefix: "C", enabled: false),
        ]
        let counters = [Counter(number: 1, services: [1, 2]), Counter(number: 2, services: [2]), Counter(number: 3, services: [1])]
        try store.install(services: services, counters: counters, replace: true)
        let clock = Clock(Self.monday.date(at: TimeOfDay(time)!, in: OfficeCalendar.vietnam))
        self.clock = clock
        engine = try QueueEngine(store: store, settings: settings, clock: { clock.now })
        try await engine.tick()
        // The announcements' sound is made by the real espeak-ng and sox; the announcer is not run here
        // (nothing is played), so what is asked of it stays in its queue for the tests to read.
        let audio = try AnnouncementAudio(
            books: try ["vi", "en"].map { language in
                let path = Self.repository.appendingPathComponent("Templates/announcements/\(language).yaml").path
                return try PhraseBook(yaml: String(contentsOfFile: path, encoding: .utf8), source: path)
            },
            languages: ["vi"], cacheFolder: VoiceCaches.fresh()
        )
        announcer = AnnouncerService(audio: audio, output: SoundOutput(commandLine: "true")!, engine: engine, logger: Logger(label: "test"))
        office = Office(
            engine: engine, accounts: AccountService(store: store, bcryptCost: 4), name: "Văn phòng thử",
            announcementAudio: audio, announcer: announcer
        )
    }

    /// The public router (no local trust).
    func application() -> some ApplicationProtocol {
        Application(router: WebRouter.make(office: office, trustLocal: false))
    }

    /// The control-socket router (the local administrator).
    func controlApplication() -> some ApplicationProtocol {
        Application(router: WebRouter.make(office: office, trustLocal: true))
    }

    /// A clerk account with its password already changed, and a bearer token for it.
    func clerkToken(name: String = "clerk1", counter: Int? = 1, role: Role = .clerk) async throws -> String {
        let counters = await engine.read { Set($0.counters.keys) }
        let password = try await office.accounts.addUser(name: name, role: role, counter: counter, knownCounters: counters)
        try await office.accounts.changePassword(name: name, current: password, new: "mật-khẩu-mới-1")
        return try office.accounts.createToken(user: name)
    }

    /// Everything a client could observe of the state: for "changes nothing" checks.
    func fingerprint() async throws -> String {
        let events = try store.lastEventSeq()
        let tickets = try store.tickets(day: Self.monday).map { "\($0.number):\($0.state.rawValue):\($0.service):\($0.counter ?? 0)" }
        let counters = try store.counters().map { "\($0.number):\($0.state.rawValue):\($0.currentTicket ?? "-")" }
        return "\(events)|\(tickets)|\(counters)"
    }
}
