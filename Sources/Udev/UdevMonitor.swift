internal import CUdev
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The udev monitor on the netlink socket: devices added, removed and changed in some subsystems, as an
/// async stream read on a thread of its own (polling with a short timeout, so it stops when asked).
///
/// Without a running udevd nothing arrives (the "udev" group hears udevd, not the kernel); the device
/// drivers then still find their devices by retrying, only later.
public struct UdevMonitor: Sendable {
    /// The subsystems to follow.
    public let subsystems: [String]

    /// A monitor of `subsystems`.
    public init(subsystems: [String]) {
        self.subsystems = subsystems
    }

    /// The events from now on, until the consumer stops listening; throws at once when the monitor cannot
    /// be set up.
    public func events() throws(UdevError) -> AsyncStream<UdevDevice> {
        let source = try MonitorSource(subsystems: subsystems)
        let (stream, continuation) = AsyncStream<UdevDevice>.makeStream(bufferingPolicy: .bufferingNewest(256))
        continuation.onTermination = { _ in source.stop() }
        let thread = Thread { source.run(continuation) }
        thread.name = "udev monitor"
        thread.start()
        return stream
    }
}

/// The libudev monitor and its reading loop. `@unchecked Sendable`: the udev pointers are used by the
/// reading thread alone after `init`; `stopped` is atomic.
private final class MonitorSource: @unchecked Sendable {
    private let udev: OpaquePointer
    private let monitor: OpaquePointer
    private let stopped = Atomic<Bool>(false)

    init(subsystems: [String]) throws(UdevError) {
        guard let udev = udev_new() else { throw UdevError(step: "udev_new", reason: UdevHandle.systemError()) }
        guard let monitor = udev_monitor_new_from_netlink(udev, "udev") else {
            udev_unref(udev)
            throw UdevError(step: "monitor", reason: UdevHandle.systemError())
        }
        for subsystem in subsystems { udev_monitor_filter_add_match_subsystem_devtype(monitor, subsystem, nil) }
        guard udev_monitor_enable_receiving(monitor) >= 0 else {
            let reason = UdevHandle.systemError()
            udev_monitor_unref(monitor)
            udev_unref(udev)
            throw UdevError(step: "monitor", reason: reason)
        }
        self.udev = udev
        self.monitor = monitor
    }

    deinit {
        udev_monitor_unref(monitor)
        udev_unref(udev)
    }

    func stop() { stopped.store(true, ordering: .relaxed) }

    func run(_ continuation: AsyncStream<UdevDevice>.Continuation) {
        let fd = udev_monitor_get_fd(monitor)
        while !stopped.load(ordering: .relaxed) {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 250) > 0 else { continue }
            guard let device = udev_monitor_receive_device(monitor) else { continue }
            let action = udev_device_get_action(device).flatMap { UdevAction(rawValue: String(cString: $0)) }
            continuation.yield(UdevHandle.describe(device, action: action))
            udev_device_unref(device)
        }
        continuation.finish()
    }
}
