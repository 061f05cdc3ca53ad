// DeviceProfiles: device models as data. One JSON file per model in Devices/printers/, Devices/boards/
// and Devices/inputs/.
//
// Files:
// - DeviceProfile.swift .............. what every kind of profile has: an id and its checks
// - DeviceProfileLoader.swift ........ reads a folder of one kind (the only file access), refuses broken files
// - DeviceProfileError.swift ......... which file was refused and why
// - PrinterProfile.swift ............. one printer model: paper, dots, code pages, features, ids
// - PrinterProfile+Decoding.swift .... JSON decoding with defaults, and the checks on values
// - PrinterCodePage.swift ............ a code page and its ESC t number on this model
// - PrinterCutter.swift .............. none / full / partial
// - PrinterProfileLoader.swift ....... the printers' folder as a catalog
// - PrinterProfileCatalog.swift ...... the loaded profiles: lookup by id, USB ids or IEEE 1284 id
// - BoardProfile.swift ............... one LED counter board model: serial line, characters, frame
// - BoardProfile+Decoding.swift ...... JSON decoding and the checks on values
// - BoardSerialSettings.swift ........ baud, data bits, parity, stop bits
// - BoardFrameToken.swift ............ a byte, the address, the text or a checksum, in frame order
// - BoardFrameEncoder.swift .......... the bytes that show a number or blank the board
// - InputProfile.swift ............... one scanner or keypad model; a keypad's keys mapped to counter actions
// - InputProfile+Decoding.swift ...... JSON decoding (key names to Linux key codes) and the checks on values
// - CounterKeyAction.swift ........... next, recall, start, done, no-show, pause
// - LinuxKeyCode.swift ............... key codes by name, and what a US-layout keyboard types with them
// - DeviceSetupError.swift ........... a configured device that cannot be driven, naming its key
// - USBDeviceID.swift ................ a USB vendor:product pair written as hex strings
// - IEEE1284Match.swift .............. MFG/MDL strings a printer's IEEE 1284 device id must carry
// - IEEE1284DeviceID.swift ........... parses "MFG:EPSON;MDL:TM-T20II;…" as printers report it

/// Device models as data: one file per model in `Devices/`, so a new model is a new file, not new code.
public enum DeviceProfiles {}
