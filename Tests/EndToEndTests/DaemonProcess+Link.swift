import AsyncHTTPClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTP1

// What the workflow link tests read of the daemon: metrics, the control socket, its id and last seq, SSE.

extension DaemonProcess {
    /// The value of the unlabelled metric `name` in `/metrics`, nil when it is not there.
    func metric(_ name: String) async throws -> Double? {
        let text = String(decoding: try await get("/metrics").body, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Polls `metric` until `accept` says yes, at most `seconds`; the last value seen.
    @discardableResult
    func waitForMetric(_ name: String, within seconds: TimeInterval, _ accept: (Double) -> Bool) async throws -> Double? {
        let deadline = Date() + seconds
        var last: Double?
        while Date() < deadline {
            last = try? await metric(name)
            if let last, accept(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    /// A POST over the daemon's control socket, where the local administrator needs no login (what the
    /// `motcua counter …` commands use), without starting a process per call.
    func controlPost(_ path: String, timeout: TimeAmount = .seconds(10)) async throws -> Answer {
        try await control(.POST, path, timeout: timeout)
    }

    /// A GET over the control socket.
    func controlGet(_ path: String, timeout: TimeAmount = .seconds(10)) async throws -> Answer {
        try await control(.GET, path, timeout: timeout)
    }

    private func control(_ method: HTTPMethod, _ path: String, timeout: TimeAmount) async throws -> Answer {
        guard let host = controlSocket.addingPercentEncoding(withAllowedCharacters: .alphanumerics) else {
            throw E2EError("cannot encode \(controlSocket)")
        }
        var request = HTTPClientRequest(url: "http+unix://\(host)\(path)")
        request.method = method
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Answer(status: Int(response.status.code), body: Data(buffer.readableBytesView))
    }

    /// The id this daemon gives itself in `session.hello`, from its database.
    func daemonID() throws -> String {
        let rows = try sqlite3(stateDir.appendingPathComponent("motcua.sqlite").path, "SELECT value FROM setting WHERE key = 'daemon_id'")
        guard let id = rows.first, !id.isEmpty else { throw E2EError("the daemon has no daemon_id yet") }
        return id
    }

    /// The seq of the last event in the daemon's log (from `/api/v1/queue`).
    func lastSeq() async throws -> Int {
        guard let seq = try await get("/api/v1/queue").object["seq"] as? Int else { throw E2EError("/api/v1/queue has no seq") }
        return seq
    }

    /// One Server-Sent Event.
    struct SSEFrame: Sendable {
        let seq: Int64
        let type: String
        let data: String
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:] }
    }

    /// Subscribes to `/api/v1/events` (from now), runs `trigger` once the stream is open, then reads
    /// frames until `until` says stop or `seconds` pass; the frames read.
    func readEvents(
        within seconds: Int64, after trigger: () async throws -> Void, until: ([SSEFrame]) -> Bool
    ) async throws -> [SSEFrame] {
        let request = HTTPClientRequest(url: baseURL + "/api/v1/events")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(seconds))
        try await trigger()
        var frames: [SSEFrame] = []
        var pending = ""
        var id: Int64?, type: String?, data: String?
        do {
            for try await chunk in response.body {
                pending += String(buffer: chunk)
                while let newline = pending.firstIndex(of: "\n") {
                    let line = String(pending[..<newline])
                    pending = String(pending[pending.index(after: newline)...])
                    if line.hasPrefix("id: ") { id = Int64(line.dropFirst(4)) }
                    else if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                    else if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                    else if line.isEmpty {
                        if let id, let type, let data { frames.append(SSEFrame(seq: id, type: type, data: data)) }
                        id = nil; type = nil; data = nil
                    }
                }
                if until(frames) { break }
            }
        } catch {
            // The deadline ends the stream: what was read is the answer.
        }
        return frames
    }
}
