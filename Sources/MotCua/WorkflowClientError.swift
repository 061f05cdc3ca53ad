/// Why the CLI could not get an answer from the workflow core's socket.
enum WorkflowClientError: Error, Sendable {
    /// Nothing accepts connections on the socket (no file, refused, not a socket).
    case cannotConnect(socket: String, reason: String)
    /// The connection failed, timed out or closed before the answer came.
    case broken(socket: String, reason: String)

    /// Vietnamese text for the terminal.
    var message: String {
        switch self {
        case .cannotConnect(let socket, let reason):
            "không kết nối được tới hệ thống hồ sơ qua socket \(socket): \(reason) "
                + "(hệ thống hồ sơ chưa chạy, hoặc chạy với --state-dir/--socket khác? Chạy: motcua workflow serve)"
        case .broken(let socket, let reason):
            "mất kết nối với hệ thống hồ sơ qua socket \(socket) trước khi có trả lời: \(reason)"
        }
    }
}
