// Udev: libudev behind CUdev. Enumerate devices at start, then follow the netlink monitor.
//
// - UdevDevice.swift ............ one device: subsystem, node, stable links, properties, USB ids
// - UdevAction.swift ............ add, remove, change, bind, unbind
// - UdevEnumerator.swift ........ the devices present now, by subsystem (reads sysfs)
// - UdevMonitor.swift ........... add/remove/change as an async stream, read on a thread of its own
// - UdevError.swift ............. what libudev could not do
// - PresentDevices.swift ........ what is plugged in now, matched to the models in Devices/
// - PresentDevice.swift ......... one plugged-in device with the profile it matches
// - HotPlugService.swift ........ the Service: keeps PresentDevices current and tells the device drivers
