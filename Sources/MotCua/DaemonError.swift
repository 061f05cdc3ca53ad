/// Why the daemon could not start.
struct DaemonError: Error {
    let message: String
}
