import ArgumentParser
import Foundation
import MotCuaConfig

/// `motcua serve`: runs the device daemon.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Chạy dịch vụ (run the daemon).")

    @Option(help: "Tệp cấu hình YAML (configuration file; default $MOTCUA_CONFIG, else /etc/motcua/motcua.yaml when it exists, else built in).")
    var config: String?
    @Option(name: .customLong("state-dir"), help: "Thư mục dữ liệu (state directory; default ./var, /var/lib/motcua under systemd).")
    var stateDir: String?
    @Option(help: "Địa chỉ HTTP HOST:PORT (default 127.0.0.1:8080).")
    var http: String?
    @Option(name: .customLong("control-socket"), help: "Socket điều khiển (default STATE_DIR/control.sock).")
    var controlSocket: String?
    @Option(name: .customLong("workflow-socket"), help: "Socket của hệ thống hồ sơ (workflow core).")
    var workflowSocket: String?
    @Flag(name: .customLong("embedded-workflow"), help: "Chạy hệ thống hồ sơ mẫu trong cùng tiến trình (the default).")
    var embeddedWorkflow = false
    @Option(help: "Hàng in CUPS của máy in vé (CUPS queue of the ticket printer).")
    var printer: String?
    @Flag(help: "Tạo văn phòng mẫu: dịch vụ, quầy 1–6 (seed a demo office; twice changes nothing).")
    var demo = false

    func validate() throws {
        if let http, ListenAddress(http) == nil {
            throw ValidationError("--http: \"\(http)\" is not HOST:PORT (e.g. 127.0.0.1:8080)")
        }
        if workflowSocket != nil && embeddedWorkflow {
            throw ValidationError("--workflow-socket and --embedded-workflow exclude each other")
        }
    }

    func run() async throws {
        let file = config ?? ConfigurationFile.defaultPath()
        var configuration = try ConfigurationFile.load(file)
        if let http { configuration.listen = ListenAddress(http)! }
        if let workflowSocket {
            configuration.workflowSocket = workflowSocket
            configuration.embeddedWorkflow = false
        }
        if embeddedWorkflow { configuration.embeddedWorkflow = true }
        if let printer { configuration.printer = printer }
        let dir = StateDirectory.resolve(flag: stateDir, configured: configuration.stateDir)
        let socket = StateDirectory.controlSocket(flag: controlSocket, configured: configuration.controlSocket, stateDir: dir)
        do {
            try await Daemon(configuration: configuration, stateDir: dir, controlSocket: socket, demo: demo, demoAroundTheClock: demo && file == nil).run()
        } catch let error as DaemonError {
            FileHandle.standardError.write(Data("motcua: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
