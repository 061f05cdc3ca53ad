import DeviceProfiles
import LedBoards
import Logging
import MotCuaConfig
import QueueService
import Store

/// The office's LED counter boards from its configuration: the board profiles in `Devices/boards`, each
/// board on a counter the office has.
enum BoardsSetup {
    /// The boards' service, or nil when no board is configured. A broken profile file, an unknown profile
    /// id or a board on a counter the office does not have stops the start, naming the file or key.
    static func service(
        for configuration: MotCuaConfiguration, counters: [Int], engine: QueueEngine, store: QueueStore, logger: Logger
    ) throws -> LedBoardService? {
        guard !configuration.boards.isEmpty else { return nil }
        let profiles = try profiles()
        try checkCounters(configuration, counters: counters)
        do {
            return try LedBoardService(boards: configuration.boards, profiles: profiles, engine: engine, store: store, logger: logger)
        } catch {
            throw DaemonError(message: "\(error.key): \(error.reason)")
        }
    }

    /// Every board profile shipped in `Devices/boards`.
    static func profiles() throws -> [BoardProfile] {
        guard let devices = ShareFolder.find("Devices", containing: "boards") else {
            throw DaemonError(message: "không tìm thấy thư mục Devices/boards (looked beside the executable and in \(ShareFolder.installed("Devices").joined(separator: ", ")))")
        }
        do {
            return try DeviceProfileLoader<BoardProfile>(folder: devices + "/boards").load()
        } catch {
            throw DaemonError(message: "hồ sơ bảng LED (board profile): \(error)")
        }
    }

    /// What a start would refuse about the boards of `configuration`: a broken profile file, an unknown
    /// profile, a board on a counter that is not configured, two boards on one line that disagree.
    static func check(_ configuration: MotCuaConfiguration) throws {
        guard !configuration.boards.isEmpty else { return }
        let profiles = try profiles()
        if !configuration.counters.isEmpty {
            try checkCounters(configuration, counters: configuration.counters.map(\.number))
        }
        do {
            try LedBoardService.validate(boards: configuration.boards, profiles: profiles)
        } catch {
            throw DaemonError(message: "\(error.key): \(error.reason)")
        }
    }

    private static func checkCounters(_ configuration: MotCuaConfiguration, counters: [Int]) throws {
        for (index, board) in configuration.boards.enumerated() where !counters.contains(board.counter) {
            throw DaemonError(message: "boards[\(index)].counter: the office has no counter \(board.counter) (counters: \(counters.sorted().map(String.init).joined(separator: ", ")))")
        }
    }
}
