/// Why a call to the CUPS scheduler failed: what was asked, of which printer or job, and what libcups said.
///
/// A struct so it can grow; ``code`` is the stable part to switch on.
public struct CupsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the client was doing.
    public var operation: Operation
    /// The scheduler asked, as `host:port` or a socket path.
    public var server: String
    /// The printer (queue) concerned, if any.
    public var printer: String?
    /// The job concerned, if any.
    public var jobID: Int?
    /// The IPP status keyword libcups reported (e.g. `client-error-not-found`), or one of the client's own codes.
    public var code: Code
    /// libcups's message (`cupsLastErrorString`), e.g. "The printer or class does not exist.".
    public var message: String

    /// An error for `operation`, with libcups's `code` and `message`.
    public init(
        operation: Operation, server: String, printer: String? = nil, jobID: Int? = nil, code: Code, message: String
    ) {
        self.operation = operation
        self.server = server
        self.printer = printer
        self.jobID = jobID
        self.code = code
        self.message = message
    }

    /// One sentence naming the operation, the printer or job, the scheduler, and libcups's message.
    public var description: String {
        var what = "cannot \(operation)"
        if let printer { what += " on printer \"\(printer)\"" }
        if let jobID { what += " (job \(jobID))" }
        return "CUPS \(what) at \(server): \(message) [\(code.rawValue)]"
    }
}
