internal import CCups

extension CupsClient {
    /// Submits `bytes` as one raw job (`application/vnd.cups-raw`, passed to the printer untouched) to the
    /// queue `printer` and returns the job id.
    ///
    /// Sends IPP Create-Job, then cupsStartDocument, cupsWriteRequestData and cupsFinishDocument, all on one
    /// connection; if the document cannot be sent after the job was created, the job is cancelled.
    /// A queue that does not exist gives a ``CupsError`` with code ``CupsError/Code/notFound`` naming it.
    /// The call returns once the scheduler has spooled the job, not when the printer has it: follow it
    /// with ``jobStatus(_:)``. Blocking libcups calls run on a Dispatch worker thread; see ``CupsClient``.
    public func submitRaw(printer: String, title: String, bytes: [UInt8]) async throws(CupsError) -> Int {
        try await submit(printer: printer, title: title, bytes: bytes, format: Cups.rawFormat)
    }

    /// Submits `bytes` of MIME type `format` (`application/pdf`: CUPS's filters turn it into what the printer
    /// takes) as one job to the queue `printer` and returns the job id; see ``submitRaw(printer:title:bytes:)``.
    public func submit(printer: String, title: String, bytes: [UInt8], format: String) async throws(CupsError) -> Int {
        try await withConnection(.submitJob, printer: printer) { connection throws(CupsError) in
            let http = connection.http
            // Create-Job by hand: libcups's cupsCreateJob goes through the dest API, which looks the queue up
            // on the default server (and by DNS-SD when not found) instead of the connection it is given.
            let request = IPPRequest.make(IPP_OP_CREATE_JOB)
            IPPRequest.addURI(request, "printer-uri", IPPRequest.printerURI(printer))
            ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nil, title)
            let created = try connection.send(
                request, to: "/printers/" + printer, group: IPP_TAG_JOB, operation: .submitJob, printer: printer
            )
            guard let id = created.first?.integer("job-id").map(Int32.init), id > 0 else {
                throw CupsError(
                    operation: .submitJob, server: connection.client.server, printer: printer,
                    code: CupsError.Code(rawValue: "client-error-bad-response"),
                    message: "The scheduler accepted the job but returned no job-id."
                )
            }
            func fail() -> CupsError {
                let error = connection.lastError(.submitJob, printer: printer, jobID: Int(id))
                cupsCancelJob2(http, printer, id, 0)
                return error
            }
            // No document-name: cupsd 2.4.2-3+deb12u10 (Debian 12's security update of 2026) loops for ever
            // escaping a space in a document-name when the job starts, and dies of it (see the closing note
            // of issue 4). The job keeps its title through job-name, which that code does not touch.
            guard cupsStartDocument(http, printer, id, nil, format, 1) == HTTP_STATUS_CONTINUE else {
                throw fail()
            }
            let written = bytes.withUnsafeBufferPointer { buffer -> http_status_t in
                guard let base = buffer.baseAddress, buffer.count > 0 else { return HTTP_STATUS_CONTINUE }
                return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cupsWriteRequestData(http, $0, buffer.count)
                }
            }
            guard written == HTTP_STATUS_CONTINUE else { throw fail() }
            guard cupsFinishDocument(http, printer).rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
                throw fail()
            }
            return Int(id)
        }
    }

    /// The state of job `id` (IPP Get-Job-Attributes).
    ///
    /// Blocking libcups calls run on a Dispatch worker thread; see ``CupsClient``.
    public func jobState(_ id: Int) async throws(CupsError) -> JobState {
        try await jobStatus(id).state
    }

    /// The state, reasons and printer message of job `id` (IPP Get-Job-Attributes).
    ///
    /// Throws a ``CupsError`` with code ``CupsError/Code/notFound`` when the scheduler no longer knows the job.
    /// Blocking libcups calls run on a Dispatch worker thread; see ``CupsClient``.
    public func jobStatus(_ id: Int) async throws(CupsError) -> JobStatus {
        try await withConnection(.readJob, jobID: id) { connection throws(CupsError) in
            let request = IPPRequest.make(
                IPP_OP_GET_JOB_ATTRIBUTES, requested: ["job-state", "job-state-reasons", "job-printer-state-message"]
            )
            IPPRequest.addURI(request, "job-uri", "ipp://localhost/jobs/\(id)")
            let groups = try connection.send(request, to: "/", group: IPP_TAG_JOB, operation: .readJob, jobID: id)
            guard let attributes = groups.first,
                  let state = attributes.integer("job-state").flatMap(JobState.init(ippValue:)) else {
                throw CupsError(
                    operation: .readJob, server: connection.client.server, jobID: id,
                    code: .notFound, message: "The scheduler returned no job-state for the job."
                )
            }
            return JobStatus(
                id: id, state: state, reasons: attributes["job-state-reasons"].filter { $0 != "none" },
                printerMessage: attributes.first("job-printer-state-message")
            )
        }
    }

    /// Cancels job `id`; cancelling a job that has already ended is not an error.
    ///
    /// Blocking libcups calls run on a Dispatch worker thread; see ``CupsClient``.
    public func cancel(job id: Int) async throws(CupsError) {
        try await withConnection(.cancelJob, jobID: id) { connection throws(CupsError) in
            if cupsCancelJob2(connection.http, nil, Int32(id), 0) != IPP_STATUS_OK,
               cupsLastError() != IPP_STATUS_ERROR_NOT_POSSIBLE {
                throw connection.lastError(.cancelJob, jobID: id)
            }
        }
    }
}
