import DeviceProfiles
import Foundation
import Logging
import MotCuaConfig
import QueueCore
import QueueService
import ServiceLifecycle
import Store

/// Drives the LED counter boards: on every call or recall at a counter its board shows the number; when
/// the counter closes, or the day, the board goes blank; a number already shown is not sent again.
///
/// A board whose port cannot be opened or written (unplugged, its adapter gone) becomes an incident and a
/// `device.disconnected` event; its port is tried again every ``retryInterval``, and when it opens the
/// incident ends, `device.connected` is sent and the board gets its counter's number at once.
public final class LedBoardService: ServiceLifecycle.Service, Sendable {
    private let panel: BoardPanel
    private let engine: QueueEngine
    private let logger: Logger
    /// How often a board that went away is tried again.
    public let retryInterval: Duration

    /// Boards from the configuration with their profiles; a profile id that is not in `profiles`, or two
    /// boards on one path with different serial settings, is refused naming the key.
    public init(
        boards: [ConfiguredBoard], profiles: [BoardProfile], engine: QueueEngine, outages: DeviceOutages, logger: Logger,
        retryInterval: Duration = .seconds(2)
    ) throws(DeviceSetupError) {
        panel = BoardPanel(
            lines: try Self.lines(boards: boards, profiles: profiles), engine: engine,
            outages: outages, logger: logger
        )
        self.engine = engine
        self.logger = logger
        self.retryInterval = retryInterval
    }

    /// Checks what ``init(boards:profiles:engine:outages:logger:retryInterval:)`` would refuse, without a queue.
    public static func validate(boards: [ConfiguredBoard], profiles: [BoardProfile]) throws(DeviceSetupError) {
        _ = try lines(boards: boards, profiles: profiles)
    }

    /// The boards grouped by serial path, in the order of their first board.
    private static func lines(boards: [ConfiguredBoard], profiles: [BoardProfile]) throws(DeviceSetupError) -> [BoardLine] {
        var lines: [String: BoardLine] = [:]
        var order: [String] = []
        for (index, configured) in boards.enumerated() {
            guard let profile = profiles.first(where: { $0.id == configured.profile }) else {
                throw DeviceSetupError(
                    key: "boards[\(index)].profile",
                    reason: "no board profile \"\(configured.profile)\" (known: \(profiles.map(\.id).sorted().joined(separator: ", ")))"
                )
            }
            let board = BoardLine.Board(configured: configured, profile: profile, encoder: BoardFrameEncoder(profile: profile))
            if var line = lines[configured.path] {
                guard line.settings == profile.serial else {
                    throw DeviceSetupError(
                        key: "boards[\(index)].profile",
                        reason: "its serial settings differ from the other boards' on \(configured.path)"
                    )
                }
                line.boards.append(board)
                lines[configured.path] = line
            } else {
                lines[configured.path] = BoardLine(path: configured.path, settings: profile.serial, boards: [board])
                order.append(configured.path)
            }
        }
        return order.compactMap { lines[$0] }
    }

    /// A device was plugged in or out (udev): lines that went away are tried now, and a line whose port
    /// vanished is noticed now, rather than at the next retry.
    public func nudge() async {
        await panel.check()
    }

    /// The boards as last driven.
    public func snapshots() async -> [BoardSnapshot] {
        await panel.snapshots()
    }

    public func run() async throws {
        let logger = self.logger
        let events = EventFeed(hub: engine.hub, store: engine.store) { after in
            logger.warning("the counter boards fell behind the queue; they read the events after \(after) back from the log")
        }
        let panel = self.panel
        let retry = retryInterval
        await panel.refresh()
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await event in events where Self.matters(event.type) {
                        await panel.refresh(resend: event.type == EventType.ticketRecalled.rawValue)
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        do { try await Task.sleep(for: retry) } catch { return }
                        await panel.check()
                    }
                }
            }
        }
    }

    /// The event types that change what a board shows.
    static func matters(_ type: String) -> Bool {
        [EventType.ticketCalled, .ticketRecalled, .counterOpened, .counterClosed, .counterPaused, .dayOpened, .dayClosed,
         .ticketTransferred]
            .map(\.rawValue).contains(type)
    }
}
