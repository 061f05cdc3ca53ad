// DeviceProfiles: device models as data. One JSON file per printer model in Devices/printers/.
//
// Files:
// - PrinterProfile.swift ............. one printer model: paper, dots, code pages, features, ids
// - PrinterProfile+Decoding.swift .... JSON decoding with defaults, and the checks on values
// - PrinterCodePage.swift ............ a code page and its ESC t number on this model
// - PrinterCutter.swift .............. none / full / partial
// - USBDeviceID.swift ................ a USB vendor:product pair written as hex strings
// - IEEE1284Match.swift .............. MFG/MDL strings a printer's IEEE 1284 device id must carry
// - IEEE1284DeviceID.swift ........... parses "MFG:EPSON;MDL:TM-T20II;…" as printers report it
// - PrinterProfileLoader.swift ....... reads a folder (the only file access), refuses broken files
// - PrinterProfileCatalog.swift ...... the loaded profiles: lookup by id, USB ids or IEEE 1284 id
// - PrinterProfileError.swift ........ which file was refused and why

/// Device models as data: one file per model in `Devices/`, so a new model is a new file, not new code.
public enum DeviceProfiles {}
