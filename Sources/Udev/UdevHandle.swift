internal import CUdev
import Foundation

/// Reading a `struct udev_device` into a ``UdevDevice``; shared by enumeration and the monitor.
enum UdevHandle {
    static func describe(_ device: OpaquePointer, action: UdevAction?) -> UdevDevice {
        func string(_ pointer: UnsafePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }
        var links: [String] = []
        var entry = udev_device_get_devlinks_list_entry(device)
        while let current = entry {
            if let name = string(udev_list_entry_get_name(current)) { links.append(name) }
            entry = udev_list_entry_get_next(current)
        }
        var properties: [String: String] = [:]
        entry = udev_device_get_properties_list_entry(device)
        while let current = entry {
            if let name = string(udev_list_entry_get_name(current)) {
                properties[name] = string(udev_list_entry_get_value(current)) ?? ""
            }
            entry = udev_list_entry_get_next(current)
        }
        return UdevDevice(
            action: action, subsystem: string(udev_device_get_subsystem(device)) ?? "",
            sysPath: string(udev_device_get_syspath(device)) ?? "", devNode: string(udev_device_get_devnode(device)),
            links: links.sorted(), properties: properties
        )
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
