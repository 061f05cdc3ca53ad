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
        // Without udev's database (a device found at start in a umockdev testbed, a container without
        // udevd) the link list is empty although the uevent named the links: take them from DEVLINKS.
        if links.isEmpty, let named = properties["DEVLINKS"] {
            links = named.split(separator: " ").map(String.init).filter { $0.hasPrefix("/") }
        }
        // A USB printer (usblp) says which model it is in its IEEE 1284 device id.
        if let id = string(udev_device_get_sysattr_value(device, "ieee1284_id")), !id.isEmpty {
            properties["IEEE1284_ID"] = id
        }
        return UdevDevice(
            action: action, subsystem: string(udev_device_get_subsystem(device)) ?? "",
            sysPath: string(udev_device_get_syspath(device)) ?? "", devNode: string(udev_device_get_devnode(device)),
            links: links.sorted(), properties: properties
        )
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
