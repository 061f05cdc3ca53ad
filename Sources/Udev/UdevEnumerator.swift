internal import CUdev
import Foundation

/// The devices present now in some subsystems, read from sysfs (no udevd needed).
public struct UdevEnumerator: Sendable {
    /// The subsystems to list.
    public let subsystems: [String]

    /// An enumerator of `subsystems`.
    public init(subsystems: [String]) {
        self.subsystems = subsystems
    }

    /// Every device of the subsystems that has a node under /dev.
    public func devices() throws(UdevError) -> [UdevDevice] {
        guard let udev = udev_new() else { throw UdevError(step: "udev_new", reason: UdevHandle.systemError()) }
        defer { udev_unref(udev) }
        guard let enumerate = udev_enumerate_new(udev) else { throw UdevError(step: "enumerate", reason: UdevHandle.systemError()) }
        defer { udev_enumerate_unref(enumerate) }
        for subsystem in subsystems { udev_enumerate_add_match_subsystem(enumerate, subsystem) }
        udev_enumerate_scan_devices(enumerate)
        var found: [UdevDevice] = []
        var entry = udev_enumerate_get_list_entry(enumerate)
        while let current = entry {
            if let path = udev_list_entry_get_name(current), let device = udev_device_new_from_syspath(udev, path) {
                let described = UdevHandle.describe(device, action: nil)
                if described.devNode != nil { found.append(described) }
                udev_device_unref(device)
            }
            entry = udev_list_entry_get_next(current)
        }
        return found.sorted { $0.sysPath < $1.sysPath }
    }
}
