internal import CCups
#if canImport(Glibc)
internal import Glibc
#endif

/// One open connection to the scheduler (an `http_t`), used on one thread and then closed.
///
/// `@unchecked Sendable` because it crosses into the `@Sendable` body of ``CupsClient`` only to be used
/// on the single worker thread that opened it; it is never shared.
final class CupsConnection: @unchecked Sendable {
    let http: OpaquePointer
    let client: CupsClient

    init(client: CupsClient, operation: CupsError.Operation, printer: String?, jobID: Int?) throws(CupsError) {
        self.client = client
        let milliseconds = Int32(clamping: client.timeout.components.seconds * 1000
            + client.timeout.components.attoseconds / 1_000_000_000_000_000)
        errno = 0
        guard let http = httpConnect2(
            client.host, Int32(client.port), nil, AF_UNSPEC, cupsEncryption(), 1, milliseconds, nil
        ) else {
            // libcups closes its sockets after a refused connect, so errno is often that close's EBADF, which
            // says nothing to whoever reads it.
            let reason = errno != 0 && errno != EBADF ? String(cString: strerror(errno)) : "nothing answers there; is cupsd running?"
            throw CupsError(
                operation: operation, server: client.server, printer: printer, jobID: jobID,
                code: .connectionFailed, message: reason
            )
        }
        httpSetTimeout(http, Double(milliseconds) / 1000, nil, nil)
        self.http = http
    }

    func close() { httpClose(http) }

    /// The error libcups recorded on this thread for the last request.
    func lastError(_ operation: CupsError.Operation, printer: String? = nil, jobID: Int? = nil) -> CupsError {
        let status = cupsLastError()
        var message = cupsLastErrorString().map { String(cString: $0) } ?? ""
        if message.isEmpty { message = "request failed" }
        let keyword = ippErrorString(status).map { String(cString: $0) } ?? "unknown"
        // libcups reports a lost or refused connection as service-unavailable with errno's text.
        let code: CupsError.Code = status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE && httpError(http) != 0
            ? .connectionFailed : CupsError.Code(rawValue: keyword)
        return CupsError(
            operation: operation, server: client.server, printer: printer, jobID: jobID, code: code, message: message
        )
    }

    /// Sends `request` (consumed) to `resource` and returns the response's groups of `group` tag, each as
    /// attribute name → values; throws libcups's error when the status is not successful.
    func send(
        _ request: OpaquePointer, to resource: String, group: ipp_tag_t,
        operation: CupsError.Operation, printer: String? = nil, jobID: Int? = nil, allowNotFound: Bool = false
    ) throws(CupsError) -> [IPPAttributes] {
        let response = cupsDoRequest(http, request, resource)
        defer { if let response { ippDelete(response) } }
        let status = cupsLastError()
        if allowNotFound && status == IPP_STATUS_ERROR_NOT_FOUND { return [] }
        guard let response, status.rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
            throw lastError(operation, printer: printer, jobID: jobID)
        }
        return IPPAttributes.groups(of: response, tag: group)
    }
}
