import Announcements
import Foundation
import Logging
import QueueCore
import QueueService
import ServiceLifecycle
import Store

/// Speaks every call in the hall on the machine's sound output: a chime, then the phrase in each
/// configured language (``AnnouncementAudio``), one announcement at a time and always to its end (a stop
/// waits for it, up to ``SoundOutput/stopGrace``), in the order of the calls (``AnnouncerQueue``). A
/// recall asks for it again; a ticket answered before its turn, or a counter that closed, is not announced.
///
/// When the player fails (no sound card, device busy) the failure is logged once, what waits is dropped
/// (the displays still show every call), and the player is tried again after ``soundRetry``.
public final class AnnouncerService: ServiceLifecycle.Service, Sendable {
    /// Makes the sound of each announcement; also what display pages fetch.
    public let audio: AnnouncementAudio
    /// The machine's sound output.
    public let output: SoundOutput
    private let engine: QueueEngine
    private let state: AnnouncerState
    private let wakes: AsyncStream<Void>
    private let logger: Logger
    /// How long after a failure the player is tried again.
    public let soundRetry: TimeInterval

    public init(
        audio: AnnouncementAudio, output: SoundOutput, engine: QueueEngine, maxPlays: Int = 2, maxDelay: TimeInterval = 90,
        soundRetry: TimeInterval = 30, logger: Logger
    ) {
        self.audio = audio
        self.output = output
        self.engine = engine
        self.soundRetry = soundRetry
        self.logger = logger
        let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.wakes = wakes
        state = AnnouncerState(queue: AnnouncerQueue(maxPlays: maxPlays, maxDelay: maxDelay), wake: wake, metrics: engine.metrics)
    }

    /// Asks for an announcement outside a call (`motcua say`, a speaker check); the ticket and counter are
    /// checked against the phrases first.
    public func announce(ticket: String, counter: Int) async throws(PhraseBookError) -> Announcement {
        _ = try audio.texts(ticket: ticket, counter: counter)
        return await state.request(ticketID: "", ticket: ticket.uppercased(), counter: counter, kind: .manual)
    }

    /// What waits, what is spoken now and how the latest ended.
    public func snapshot() async -> AnnouncerSnapshot {
        let queue = await state.queue
        let soundError = await state.soundError
        let worked = await state.soundWorked
        return AnnouncerSnapshot(
            languages: audio.languages, player: output.commandLine,
            sound: soundError != nil ? "failing" : worked ? "ok" : "unknown", soundError: soundError,
            maxPlays: queue.maxPlays,
            current: queue.current.map { AnnouncerSnapshot.Item($0) },
            pending: queue.pending.map { AnnouncerSnapshot.Item($0) },
            recent: queue.recent.reversed().map { AnnouncerSnapshot.Item($0.announcement, outcome: $0.outcome, endedAt: $0.endedAt) }
        )
    }

    public func run() async throws {
        let logger = self.logger
        let events = EventFeed(hub: engine.hub, store: engine.store) { after in
            logger.warning("the announcer fell behind the queue; it reads the calls after event \(after) back from the log")
        }
        let state = self.state
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await event in events { await Self.follow(event, state: state) }
                }
                group.addTask { await self.speak() }
            }
        }
        await state.dropAll(.shutdown)
        await state.finish()
    }

    /// Turns a committed event into a request or a withdrawal.
    static func follow(_ event: StoredEvent, state: AnnouncerState) async {
        guard let type = EventType(rawValue: event.type) else { return }
        switch type {
        case .ticketCalled, .ticketRecalled, .ticketServing, .ticketDone, .ticketNoShow, .ticketTransferred, .ticketExpired,
             .counterClosed, .dayClosed:
            break
        default:
            return
        }
        guard let data = try? JSONDecoder().decode(Envelope.self, from: Data(event.body.utf8)).data else { return }
        switch type {
        case .ticketCalled, .ticketRecalled:
            guard let ticket = data.ticket, let counter = data.counter ?? ticket.counter else { return }
            _ = await state.request(
                ticketID: ticket.id, ticket: ticket.number, counter: counter, kind: type == .ticketCalled ? .call : .recall
            )
        case .counterClosed:
            if let counter = data.counter { await state.withdraw(counter: counter) }
        case .dayClosed:
            await state.dropAll(.counterClosed)
        default:
            if let ticket = data.ticket { await state.withdraw(ticketID: ticket.id) }
        }
    }

    private struct Envelope: Decodable {
        var data: EventData
    }

    /// The speaking loop: one announcement at a time, each to its end.
    private func speak() async {
        for await _ in wakes {
            while !Task.isCancelled, let announcement = await state.take() {
                let file: URL
                do {
                    file = try await audio.file(ticket: announcement.ticket, counter: announcement.counter)
                } catch {
                    logger.error("announcement of \(announcement.ticket) at counter \(announcement.counter) has no sound: \(error)")
                    await state.failed(.noAudio)
                    continue
                }
                var again = true
                while again {
                    do {
                        try await output.play(file.path)
                    } catch {
                        // A player killed because the daemon stopped says nothing of the speaker.
                        if Task.isCancelled {
                            await state.failed(.shutdown)
                            return
                        }
                        if await state.soundFailed("không phát được tiếng ra loa (cannot play): \(error)", retry: soundRetry) {
                            logger.warning("the hall cannot hear announcements: \(error); trying again in \(Int(soundRetry)) s")
                        }
                        break
                    }
                    let outcome = await state.spoke()
                    if outcome.recovered { logger.notice("the hall hears announcements again") }
                    again = outcome.again
                }
            }
        }
    }
}
