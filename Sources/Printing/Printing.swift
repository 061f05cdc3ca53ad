// Printing: the office's printers at run time (CUPS).
//
// - PrinterPool.swift .............. the configured printers, their health, tickets printed with fail-over
// - PrinterHealth.swift ............ ok / fault, read from a printer's CUPS state
// - PrinterMonitor.swift ........... the Service that reads every printer's state every few seconds
// - PrintedTicket.swift ............ what happened to one ticket's print
// - PrinterSnapshot.swift .......... a printer as `motcua devices` and /api/v1/devices show it
// - PrinterFaultRecorder.swift ..... a health change as a device event and an incident (seed Đ5.10)
