import DeviceProfiles
import Foundation
import Logging
import MotCuaConfig
import QueueCore
import QueueService
import Serial
import ServiceLifecycle
import Synchronization

/// Drives the office's scanners and keypads: each is opened and grabbed; a scanner's lines go to the
/// lookup pages of its kiosk (``ScanHub``); a keypad's keys do what its profile says at its counter.
///
/// A device that cannot be opened or stops answering (unplugged) becomes an incident and
/// `device.disconnected`; it is tried again every ``retryInterval``, and when it opens the incident ends
/// and `device.connected` is sent.
public final class InputDeviceService: ServiceLifecycle.Service, Sendable {
    /// One configured device with its profile.
    struct Entry: Sendable {
        let configured: ConfiguredInput
        let profile: InputProfile
        var kind: String { profile.role.rawValue }
        var role: String {
            switch configured.target {
            case .kiosk(let kiosk): "kiosk \(kiosk)"
            case .counter(let counter): "counter \(counter)"
            }
        }
    }

    private let entries: [Entry]
    private let engine: QueueEngine
    private let outages: DeviceOutages
    private let logger: Logger
    private let states: Mutex<[String: InputSnapshot]>
    /// Counts ``nudge()`` calls: a device waiting for its retry goes at once when it changes.
    private let nudges = Atomic<Int>(0)
    /// Where scans go.
    public let scans: ScanHub
    /// How often a device that went away is tried again.
    public let retryInterval: Duration

    /// Devices from the configuration with their profiles; an unknown profile, or a scanner's profile on
    /// a keypad (or the reverse), is refused naming the key.
    public init(
        inputs: [ConfiguredInput], profiles: [InputProfile], engine: QueueEngine, outages: DeviceOutages, logger: Logger,
        retryInterval: Duration = .seconds(2)
    ) throws(DeviceSetupError) {
        entries = try Self.entries(inputs: inputs, profiles: profiles)
        self.engine = engine
        self.outages = outages
        self.logger = logger
        self.retryInterval = retryInterval
        scans = ScanHub(kiosks: Set(entries.compactMap { if case .kiosk(let kiosk) = $0.configured.target { kiosk } else { nil } }))
        states = Mutex(Dictionary(uniqueKeysWithValues: entries.map {
            ($0.configured.path, InputSnapshot(
                path: $0.configured.path, kind: $0.kind, role: $0.role, model: "\($0.profile.vendor) \($0.profile.model)",
                connected: false, problem: nil
            ))
        }))
    }

    /// Checks what ``init(inputs:profiles:engine:outages:logger:retryInterval:)`` would refuse, without a queue.
    public static func validate(inputs: [ConfiguredInput], profiles: [InputProfile]) throws(DeviceSetupError) {
        _ = try entries(inputs: inputs, profiles: profiles)
    }

    private static func entries(inputs: [ConfiguredInput], profiles: [InputProfile]) throws(DeviceSetupError) -> [Entry] {
        var entries: [Entry] = []
        var scanners = 0
        var keypads = 0
        for configured in inputs {
            let (list, expected): (String, InputProfile.Role)
            switch configured.target {
            case .kiosk:
                list = "scanners[\(scanners)]"
                expected = .scanner
                scanners += 1
            case .counter:
                list = "keypads[\(keypads)]"
                expected = .keypad
                keypads += 1
            }
            let known = profiles.filter { $0.role == expected }
            guard let profile = profiles.first(where: { $0.id == configured.profile }) else {
                throw DeviceSetupError(
                    key: "\(list).profile",
                    reason: "no \(expected.rawValue) profile \"\(configured.profile)\" (known: \(known.map(\.id).sorted().joined(separator: ", ")))"
                )
            }
            guard profile.role == expected else {
                throw DeviceSetupError(
                    key: "\(list).profile",
                    reason: "\"\(profile.id)\" is a \(profile.role.rawValue), not a \(expected.rawValue) (known: \(known.map(\.id).sorted().joined(separator: ", ")))"
                )
            }
            entries.append(Entry(configured: configured, profile: profile))
        }
        return entries
    }

    /// The devices as last seen.
    public func snapshots() -> [InputSnapshot] {
        let states = states.withLock { $0 }
        return entries.compactMap { states[$0.configured.path] }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for entry in self.entries {
                    group.addTask { await self.drive(entry) }
                }
            }
        }
        scans.finish()
    }

    /// Keeps one device open and acts on what it sends, until cancelled.
    private func drive(_ entry: Entry) async {
        let path = entry.configured.path
        while !Task.isCancelled {
            do {
                if let settings = entry.profile.serial, case .kiosk(let kiosk) = entry.configured.target {
                    // A scanner in serial mode: lines of text on a serial port.
                    let lines = try SerialLines(port: SerialPort(path: path, settings: settings, reading: true)).lines()
                    await opened(entry)
                    for try await line in lines { publish(line, at: kiosk) }
                } else {
                    let device = try EvdevDevice(path: path)
                    await opened(entry)
                    var decoder = ScanLineDecoder()
                    var lastKey: (code: UInt16, at: ContinuousClock.Instant)?
                    for try await event in device.events() {
                        await handle(event, from: entry, decoder: &decoder, lastKey: &lastKey)
                    }
                }
                if Task.isCancelled { return }
                throw EvdevDeviceError.wentAway(path)
            } catch {
                if Task.isCancelled { return }
                let reason = "\(error)"
                setState(path, connected: false, problem: reason)
                let what = switch entry.configured.target {
                case .kiosk(let kiosk): "Máy quét mã ở kiosk \(kiosk)"
                case .counter(let counter): "Bàn phím gọi số quầy \(counter)"
                }
                await outages.lost(path, kind: entry.kind, cause: "\(what) (\(path)): \(reason)", reason: reason)
            }
            guard await waitForRetry() else { return }
        }
    }

    /// A device was plugged in (udev): devices waiting to be retried are tried now.
    public func nudge() {
        nudges.add(1, ordering: .relaxed)
    }

    /// Waits ``retryInterval``, or less when nudged; false when cancelled.
    private func waitForRetry() async -> Bool {
        let start = nudges.load(ordering: .relaxed)
        let deadline = ContinuousClock.now + retryInterval
        while ContinuousClock.now < deadline, nudges.load(ordering: .relaxed) == start {
            do { try await Task.sleep(for: .milliseconds(50)) } catch { return false }
        }
        return !Task.isCancelled
    }

    /// The device at `entry` is open: its state, its outage's end.
    private func opened(_ entry: Entry) async {
        let path = entry.configured.path
        setState(path, connected: true, problem: nil)
        logger.notice("input device open", metadata: ["path": "\(path)", "kind": "\(entry.kind)"])
        await outages.back(path, kind: entry.kind)
    }

    /// A scanned line to the pages of `kiosk`.
    private func publish(_ line: String, at kiosk: String) {
        let listening = scans.publish(ScannedCode(kiosk: kiosk, code: line, at: engine.now()))
        logger.info("scanned", metadata: ["kiosk": "\(kiosk)", "characters": "\(line.count)", "pages": "\(listening)"])
    }

    /// A second press of the same keypad key within this is taken as a bounce or a double tap, not as a
    /// second "next" that would skip the citizen just called.
    static let keyRepeatGuard: Duration = .milliseconds(600)

    private func handle(
        _ event: InputEvent, from entry: Entry, decoder: inout ScanLineDecoder, lastKey: inout (code: UInt16, at: ContinuousClock.Instant)?
    ) async {
        switch entry.configured.target {
        case .kiosk(let kiosk):
            guard let line = decoder.feed(event) else { return }
            publish(line, at: kiosk)
        case .counter(let counter):
            guard event.isKeyPress, let action = entry.profile.keys[event.code] else { return }
            let now = ContinuousClock.now
            if let last = lastKey, last.code == event.code, now - last.at < Self.keyRepeatGuard {
                logger.info("keypad press ignored: same key again at once", metadata: ["counter": "\(counter)", "action": "\(action.rawValue)"])
                return
            }
            lastKey = (event.code, now)
            do {
                _ = try await engine.perform(Self.operation(action, counter: counter))
            } catch {
                // Nothing to recall, no one waiting, the counter closed: the clerk sees it on the console.
                logger.info("keypad action refused", metadata: ["counter": "\(counter)", "action": "\(action.rawValue)", "reason": "\(error)"])
            }
        }
    }

    /// The queue operation a keypad action is at `counter`.
    static func operation(_ action: CounterKeyAction, counter: Int) -> QueueOperation {
        switch action {
        case .next: .next(counter: counter)
        case .recall: .recall(counter: counter)
        case .start: .start(counter: counter)
        case .done: .done(counter: counter, dossier: nil, rating: nil)
        case .noShow: .noShow(counter: counter)
        case .pause: .pause(counter: counter)
        }
    }

    private func setState(_ path: String, connected: Bool, problem: String?) {
        states.withLock {
            $0[path]?.connected = connected
            $0[path]?.problem = problem
        }
        let counts = states.withLock { states in
            Dictionary(grouping: states.values, by: \.kind).mapValues { ($0.count { $0.connected }, $0.count { !$0.connected }) }
        }
        for (kind, (ok, away)) in counts {
            engine.metrics.setDevices(kind: kind, counts: ["ok": ok, "disconnected": away])
        }
    }
}
