internal import CCups

/// Builds IPP requests for ``CupsConnection/send(_:to:group:operation:printer:jobID:allowNotFound:)``.
enum IPPRequest {
    /// A new request for `operation` with `requesting-user-name` and, when given, `requested-attributes`.
    static func make(_ operation: ipp_op_t, requested: [String] = []) -> OpaquePointer {
        let request = ippNewRequest(operation)!
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        if !requested.isEmpty {
            var attribute = ippAddStrings(
                request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", Int32(requested.count), nil, nil
            )
            for (index, name) in requested.enumerated() {
                ippSetString(request, &attribute, Int32(index), name)
            }
        }
        return request
    }

    /// Adds `name` as a URI operation attribute.
    static func addURI(_ request: OpaquePointer, _ name: String, _ uri: String) {
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, name, nil, uri)
    }

    /// The `printer-uri` of the queue `name` on the scheduler the connection talks to.
    static func printerURI(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        let status = httpAssembleURI(
            HTTP_URI_CODING_ALL, &buffer, Int32(buffer.count), "ipp", nil, "localhost", Int32(Cups.defaultPort),
            "/printers/" + name
        )
        guard status.rawValue >= HTTP_URI_STATUS_OK.rawValue else { return "ipp://localhost/printers/" + name }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
