import ArgumentParser
import Foundation
import WorkflowProtocol

/// Options every `motcua workflow` client command takes, and the call they make.
struct WorkflowClientOptions: ParsableArguments {
    @Option(help: "Socket của hệ thống hồ sơ (workflow core socket; default STATE_DIR/workflow.sock).")
    var socket: String?
    @Option(name: .customLong("state-dir"), help: "Thư mục dữ liệu, để tìm socket (default ./var, /var/lib/motcua under systemd).")
    var stateDir: String?
    @Flag(help: "In kết quả dạng JSON (print the result object as JSON).")
    var json = false

    /// The socket to talk to: `--socket`, else `workflow.sock` in the state directory.
    var socketPath: String {
        socket ?? (StateDirectory.resolve(flag: stateDir, configured: nil) as NSString).appendingPathComponent("workflow.sock")
    }

    /// Sends `params` to the core and returns its result. A JSON-RPC error, or no answer, is printed to
    /// stderr as `motcua workflow: <message>` and ends the command with exit status 1.
    func call<Params: WorkflowParams>(_ params: Params) throws -> JSONValue {
        let response: RPCResponse
        do {
            response = try WorkflowClient(socketPath: socketPath).call(params)
        } catch {
            throw fail(error.message)
        }
        switch response.result {
        case .success(let result): return result
        case .failure(let error): throw fail(error.message)
        }
    }

    /// Prints `result` as one line of JSON with `--json`, else the human text `text` makes of it.
    func show(_ result: JSONValue, _ text: () throws -> String) throws {
        if json {
            print(try WireJSON.string(result))
        } else {
            print(try text())
        }
    }

    /// Writes `motcua workflow: <message>` to stderr; the exit (status 1) to throw.
    func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("motcua workflow: \(message)\n".utf8))
        return ExitCode(1)
    }
}
