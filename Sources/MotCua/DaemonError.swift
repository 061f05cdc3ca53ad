/// Why the daemon could not start.
struct DaemonError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}
