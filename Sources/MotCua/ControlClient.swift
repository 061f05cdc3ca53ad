import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Talks to the running daemon over its control socket (the HTTP API, as the local administrator).
struct ControlClient {
    let socketPath: String
    let json: Bool

    /// A JSON answer of the daemon.
    struct Answer {
        let status: Int
        let body: Data

        /// The body as a JSON object or array.
        var value: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { value as? [String: Any] ?? [:] }
        var array: [[String: Any]] { value as? [[String: Any]] ?? [] }
    }

    /// Sends a request; on an error answer prints its message to stderr and exits 1.
    func call(_ method: HTTPMethod, _ path: String, body: [String: Any]? = nil) async throws -> Answer {
        guard FileManager.default.fileExists(atPath: socketPath) else {
            fail("không có socket điều khiển \(socketPath): dịch vụ motcua chưa chạy, hoặc chạy với --state-dir khác (daemon not running?)")
        }
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: path) else {
            fail("đường dẫn socket không hợp lệ: \(socketPath)")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        }
        let answer: Answer
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
            answer = Answer(status: Int(response.status.code), body: Data(buffer.readableBytesView))
        } catch {
            fail("không kết nối được tới motcua qua \(socketPath) (dịch vụ chưa chạy? daemon not running?): \(error)")
        }
        if answer.status >= 400 {
            let error = answer.object["error"] as? [String: Any]
            if json {
                print(String(decoding: answer.body, as: UTF8.self))
            } else {
                let code = error?["code"] as? String ?? "error"
                let message = error?["message"] as? String ?? "HTTP \(answer.status)"
                FileHandle.standardError.write(Data("motcua: \(message) [\(code)]\n".utf8))
            }
            throw ExitCode(1)
        }
        return answer
    }

    /// Prints the answer as JSON (`--json`) or as the given human text.
    func show(_ answer: Answer, _ text: () -> String) {
        if json {
            print(answer.body.isEmpty ? "null" : String(decoding: answer.body, as: UTF8.self))
        } else {
            print(text())
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("motcua: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
