internal import CCups

extension CupsClient {
    static let printerAttributes = [
        "printer-name", "printer-state", "printer-state-reasons", "printer-state-message",
        "printer-is-accepting-jobs", "device-uri", "printer-info", "printer-location", "printer-make-and-model",
    ]

    /// Every queue the scheduler offers (IPP CUPS-Get-Printers and CUPS-Get-Default), sorted by name.
    ///
    /// Blocking libcups calls run on a Dispatch worker thread; see ``CupsClient``.
    public func destinations() async throws(CupsError) -> [CupsDestination] {
        try await withConnection(.listDestinations) { connection throws(CupsError) in
            let defaults = try connection.send(
                IPPRequest.make(IPP_OP_CUPS_GET_DEFAULT, requested: ["printer-name"]), to: "/",
                group: IPP_TAG_PRINTER, operation: .listDestinations, allowNotFound: true
            )
            let defaultName = defaults.first?.first("printer-name")
            let printers = try connection.send(
                IPPRequest.make(IPP_OP_CUPS_GET_PRINTERS, requested: Self.printerAttributes), to: "/",
                group: IPP_TAG_PRINTER, operation: .listDestinations, allowNotFound: true
            )
            return printers.compactMap { attributes -> CupsDestination? in
                guard let name = attributes.first("printer-name") else { return nil }
                return CupsDestination(
                    name: name, status: Self.status(attributes), isDefault: name == defaultName,
                    deviceURI: attributes.first("device-uri"), info: attributes.first("printer-info"),
                    location: attributes.first("printer-location"),
                    makeAndModel: attributes.first("printer-make-and-model")
                )
            }.sorted { $0.name < $1.name }
        }
    }

    /// The state, reasons and message of the queue `printer` (IPP Get-Printer-Attributes).
    ///
    /// Throws a ``CupsError`` with code ``CupsError/Code/notFound`` when no such queue exists.
    /// Blocking libcups calls run on a Dispatch worker thread; see ``CupsClient``.
    public func printerState(_ printer: String) async throws(CupsError) -> PrinterStatus {
        try await withConnection(.readPrinter, printer: printer) { connection throws(CupsError) in
            let request = IPPRequest.make(IPP_OP_GET_PRINTER_ATTRIBUTES, requested: Self.printerAttributes)
            IPPRequest.addURI(request, "printer-uri", IPPRequest.printerURI(printer))
            let groups = try connection.send(
                request, to: "/", group: IPP_TAG_PRINTER, operation: .readPrinter, printer: printer
            )
            guard let attributes = groups.first else {
                throw CupsError(
                    operation: .readPrinter, server: connection.client.server, printer: printer,
                    code: .notFound, message: "The scheduler returned no attributes for the printer."
                )
            }
            return Self.status(attributes)
        }
    }

    static func status(_ attributes: IPPAttributes) -> PrinterStatus {
        PrinterStatus(
            state: attributes.integer("printer-state").flatMap(PrinterState.init(ippValue:)) ?? .stopped,
            reasons: PrinterStateReason.parse(attributes["printer-state-reasons"]),
            message: attributes.first("printer-state-message"),
            isAcceptingJobs: attributes.boolean("printer-is-accepting-jobs") ?? false
        )
    }
}
