import Foundation

// What the tests read of a running reference core: JSON-RPC answers, events.stats, its database.

/// Runs the `sqlite3` command-line shell read-only on `database`; the output's lines.
func sqlite3(_ database: String, _ sql: String) throws -> [String] {
    let run = try runCapturing(URL(fileURLWithPath: "/usr/bin/env"), ["sqlite3", "-readonly", database, sql])
    guard run.status == 0 else { throw E2EError("sqlite3 \(database) failed (\(run.status)): \(run.stderr)") }
    return run.stdout.split(separator: "\n").map(String.init)
}

extension WorkflowCoreProcess {
    /// One JSON-RPC call over a fresh connection to the core; its `result`, or throws with its `error`.
    func call(_ method: String, _ params: [String: Any]) throws -> [String: Any] {
        let body = try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": 1, "method": method, "params": params])
        let socket = try LineSocket(path: socketPath)
        defer { socket.close() }
        let answer = try socket.call(String(decoding: body, as: UTF8.self))
        guard let result = answer["result"] as? [String: Any] else { throw E2EError("\(method) answered \(answer)") }
        return result
    }

    /// `events.stats` for `daemonID`: received, stored, duplicates, last_seq.
    func stats(daemonID: String) throws -> [String: Int] {
        let result = try call("events.stats", ["daemon_id": daemonID])
        return result.compactMapValues { $0 as? Int }
    }

    /// The seqs of the events the core stored from `daemonID`, in the order it stored them.
    func storedSeqs(daemonID: String) throws -> [Int] {
        let database = stateDir.appendingPathComponent("workflow.sqlite").path
        let quoted = daemonID.replacingOccurrences(of: "'", with: "''")
        return try sqlite3(database, "SELECT seq FROM event WHERE daemon_id = '\(quoted)' ORDER BY rowid").compactMap { Int($0) }
    }
}
