internal import CCups
import Dispatch

/// A client of one CUPS scheduler: lists its destinations, submits raw jobs, and reads job and printer states.
///
/// The server comes from `CUPS_SERVER` (as `host:port`, `host`, or a socket path), else from libcups's
/// own setting (client.conf, then the local socket), or is given explicitly. No process-wide libcups
/// setting is changed, so clients of several schedulers can live side by side.
///
/// Threading: every method opens its own connection, makes one or a few IPP requests with libcups's
/// blocking calls, and closes it. Those calls run on a Dispatch worker thread, never on Swift's
/// cooperative pool, so a slow or unreachable scheduler blocks only that worker; each connection and
/// each answer is bounded by ``timeout``. libcups keeps its last error per thread, so each call reads
/// it on the thread that made the request.
public struct CupsClient: Sendable, Hashable {
    /// The scheduler's host name, address, or Unix socket path.
    public var host: String
    /// The scheduler's port (ignored for a socket path).
    public var port: Int
    /// How long a connection attempt or a wait for an answer may take.
    public var timeout: Duration

    /// A client of the scheduler at `host:port`.
    public init(host: String, port: Int = Cups.defaultPort, timeout: Duration = .seconds(10)) {
        self.host = host
        self.port = port
        self.timeout = timeout
    }

    /// A client of `server`, written as CUPS_SERVER is: `host`, `host:port`, `[v6addr]:port` or `/path/to/socket`.
    public init(server: String, timeout: Duration = .seconds(10)) {
        let (host, port) = Self.split(server: server)
        self.init(host: host, port: port, timeout: timeout)
    }

    /// A client of the scheduler named by the `CUPS_SERVER` environment variable, else libcups's default
    /// (client.conf, then the local socket).
    public init(timeout: Duration = .seconds(10)) {
        if let server = getenv("CUPS_SERVER").map({ String(cString: $0) }), !server.isEmpty {
            self.init(server: server, timeout: timeout)
        } else {
            let server = cupsServer().map { String(cString: $0) } ?? "localhost"
            let (host, port) = Self.split(server: server, defaultPort: Int(ippPort()))
            self.init(host: host, port: port, timeout: timeout)
        }
    }

    /// The server as `host:port`, or the socket path.
    public var server: String {
        if host.hasPrefix("/") { return host }
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    static func split(server: String, defaultPort: Int = Cups.defaultPort) -> (host: String, port: Int) {
        var text = Substring(server)
        if let version = text.firstRange(of: "/version=") { text = text[..<version.lowerBound] }
        if text.hasPrefix("/") { return (String(text), 0) }
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.hasPrefix(":"), let port = Int(rest.dropFirst()) { return (host, port) }
            return (host, defaultPort)
        }
        if let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon,
           let port = Int(text[text.index(after: colon)...]) {
            return (String(text[..<colon]), port)
        }
        return (String(text), defaultPort)
    }

    /// Runs `body` with a fresh connection on a Dispatch worker thread (off the cooperative pool).
    func withConnection<T: Sendable>(
        _ operation: CupsError.Operation, printer: String? = nil, jobID: Int? = nil,
        _ body: @escaping @Sendable (CupsConnection) throws(CupsError) -> T
    ) async throws(CupsError) -> T {
        let client = self
        let result: Result<T, CupsError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(CupsError) -> T in
                    let connection = try CupsConnection(client: client, operation: operation, printer: printer, jobID: jobID)
                    defer { connection.close() }
                    return try body(connection)
                })
            }
        }
        return try result.get()
    }
}
