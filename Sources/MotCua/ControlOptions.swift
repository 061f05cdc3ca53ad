import ArgumentParser
import MotCuaConfig

/// Options every control command takes.
struct ControlOptions: ParsableArguments {
    @Option(name: .customLong("control-socket"), help: "Socket điều khiển của dịch vụ (default STATE_DIR/control.sock).")
    var controlSocket: String?
    @Option(name: .customLong("state-dir"), help: "Thư mục dữ liệu, để tìm socket điều khiển (default ./var).")
    var stateDir: String?
    @Flag(help: "In kết quả dạng JSON (machine-readable output).")
    var json = false

    /// The socket to talk to.
    var socketPath: String {
        StateDirectory.controlSocket(flag: controlSocket, configured: nil, stateDir: StateDirectory.resolve(flag: stateDir, configured: nil))
    }

    /// A client for that socket.
    func client() -> ControlClient { ControlClient(socketPath: socketPath, json: json) }
}
