// InputDevices: barcode scanners and counter keypads, read through evdev.
//
// - InputEvent.swift ............ one evdev event: type, code, value
// - EvdevDevice.swift ........... an input device opened and grabbed, its events as an async stream
// - EvdevDeviceError.swift ...... what failed, on which device, with the system's words
// - ScanLineDecoder.swift ....... key codes to the text a scanner typed, a line per scan (shift, caps lock)
// - PollingThread.swift ......... a device read on a thread of its own, as an async stream
// - SerialLines.swift ........... a serial-mode scanner's port read as lines
// - ScannedCode.swift ........... one scanned line, for the kiosk it was scanned at
// - ScanHub.swift ............... scanned lines to the lookup pages of their kiosk
// - InputSnapshot.swift ......... a scanner or keypad as the devices list shows it
// - InputDeviceService.swift .... the Service: opens each device, reopens it when it comes back, turns
//                                  scans into lookups and keys into counter actions
