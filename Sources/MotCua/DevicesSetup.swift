import DeviceProfiles
import InputDevices
import LedBoards
import Logging
import MotCuaConfig
import QueueCore
import QueueService
import Udev

/// The office's LED boards, scanners and keypads from its configuration: their profiles in
/// `Devices/boards` and `Devices/inputs`, each on a counter the office has.
enum DevicesSetup {
    /// The boards' service, or nil when no board is configured. A broken profile file, an unknown profile
    /// id or a board on a counter the office does not have stops the start, naming the file or key.
    static func boards(
        for configuration: MotCuaConfiguration, counters: [Int], engine: QueueEngine, outages: DeviceOutages, logger: Logger
    ) throws -> LedBoardService? {
        guard !configuration.boards.isEmpty else { return nil }
        let profiles: [BoardProfile] = try profiles(in: "boards", named: "hồ sơ bảng LED (board profile)")
        try checkCounters(configuration, counters: counters)
        do {
            return try LedBoardService(boards: configuration.boards, profiles: profiles, engine: engine, outages: outages, logger: logger)
        } catch {
            throw DaemonError(message: error.description)
        }
    }

    /// The scanners' and keypads' service, or nil when none is configured; refused like the boards.
    static func inputs(
        for configuration: MotCuaConfiguration, counters: [Int], engine: QueueEngine, outages: DeviceOutages, logger: Logger
    ) throws -> InputDeviceService? {
        guard !configuration.inputs.isEmpty else { return nil }
        let profiles: [InputProfile] = try profiles(in: "inputs", named: "hồ sơ máy quét / bàn phím (input profile)")
        try checkCounters(configuration, counters: counters)
        do {
            return try InputDeviceService(inputs: configuration.inputs, profiles: profiles, engine: engine, outages: outages, logger: logger)
        } catch {
            throw DaemonError(message: error.description)
        }
    }

    /// The list of what is plugged in, matched against every model in `Devices/`.
    static func present() throws -> PresentDevices {
        PresentDevices(
            boards: try profiles(in: "boards", named: "hồ sơ bảng LED (board profile)"),
            inputs: try profiles(in: "inputs", named: "hồ sơ máy quét / bàn phím (input profile)"),
            printers: try PrintingSetup.profiles()
        )
    }

    /// What a start would refuse about the devices of `configuration`: a broken profile file, an unknown
    /// profile, a device on a counter that is not configured, two boards on one line that disagree.
    static func check(_ configuration: MotCuaConfiguration) throws {
        if !configuration.counters.isEmpty {
            try checkCounters(configuration, counters: configuration.counters.map(\.number))
        }
        if !configuration.boards.isEmpty {
            let profiles: [BoardProfile] = try profiles(in: "boards", named: "hồ sơ bảng LED (board profile)")
            do {
                try LedBoardService.validate(boards: configuration.boards, profiles: profiles)
            } catch {
                throw DaemonError(message: error.description)
            }
        }
        if !configuration.inputs.isEmpty {
            let profiles: [InputProfile] = try profiles(in: "inputs", named: "hồ sơ máy quét / bàn phím (input profile)")
            do {
                try InputDeviceService.validate(inputs: configuration.inputs, profiles: profiles)
            } catch {
                throw DaemonError(message: error.description)
            }
        }
    }

    /// Every profile shipped in `Devices/FOLDER`; a broken file is an error naming it and the reason.
    static func profiles<Profile: DeviceProfile>(in folder: String, named: String) throws -> [Profile] {
        guard let devices = ShareFolder.find("Devices", containing: folder) else {
            throw DaemonError(message: "không tìm thấy thư mục Devices/\(folder) (looked beside the executable and in \(ShareFolder.installed("Devices").joined(separator: ", ")))")
        }
        do {
            return try DeviceProfileLoader<Profile>(folder: devices + "/" + folder).load()
        } catch {
            throw DaemonError(message: "\(named): \(error)")
        }
    }

    /// Boards and keypads must be on counters the office has.
    private static func checkCounters(_ configuration: MotCuaConfiguration, counters: [Int]) throws {
        let known = counters.sorted().map(String.init).joined(separator: ", ")
        for (index, board) in configuration.boards.enumerated() where !counters.contains(board.counter) {
            throw DaemonError(message: "boards[\(index)].counter: the office has no counter \(board.counter) (counters: \(known))")
        }
        let keypads = configuration.inputs.compactMap { if case .counter(let counter) = $0.target { counter } else { nil } }
        for (index, counter) in keypads.enumerated() where !counters.contains(counter) {
            throw DaemonError(message: "keypads[\(index)].counter: the office has no counter \(counter) (counters: \(known))")
        }
    }
}
