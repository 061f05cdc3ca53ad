import Foundation
import Store

/// A file in the state directory that exists while the daemon runs and is removed by a proper
/// shutdown. Finding it at start means the last run ended without one (a power cut, a crash, a kill):
/// that is an incident for the administrator's log (seed Đ5.10, Đ14.3).
struct RunMarker {
    let path: String

    init(stateDir: String) {
        path = (stateDir as NSString).appendingPathComponent("running")
    }

    /// Records the incident if the last run did not stop properly, then marks this run.
    ///
    /// The outage is taken to start at the last thing the office recorded (or the last start, if later)
    /// and to end now, when service resumes from the stored state.
    func begin(store: QueueStore, now: Date) throws -> Incident? {
        let fm = FileManager.default
        var incident: Incident?
        if fm.fileExists(atPath: path) {
            let started = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? now
            let lastActivity = try store.lastActivity() ?? started
            let recorded = Incident(
                kind: .power,
                cause: "Máy chủ dừng đột ngột, không tắt đúng cách (mất điện, treo máy hoặc tiến trình bị dừng); "
                    + "đã khởi động lại và tiếp tục từ dữ liệu đã lưu.",
                startedAt: min(max(lastActivity, started), now), endedAt: now
            )
            try store.record(recorded)
            incident = recorded
        }
        guard fm.createFile(atPath: path, contents: Data("\(getpid())\n".utf8)) else {
            throw DaemonError(message: "không ghi được \(path)")
        }
        return incident
    }

    /// Marks a proper shutdown.
    func end() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
