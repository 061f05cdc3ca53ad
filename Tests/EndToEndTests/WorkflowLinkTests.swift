import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

/// The daemon's link to the workflow core, with real processes on real sockets: the real daemon, the
/// reference core (`motcua workflow serve`) and, where a core must misbehave, a test-side socket peer.
@Suite("The workflow link between the real daemon and a workflow core", .serialized)
struct WorkflowLinkTests {
    /// The e2e office with room for thousands of numbers a day (5 digits) and two counters for both services.
    static let bigOffice = """
        site: {id: e2e, name: "Văn phòng thử nghiệm"}
        day: {opens: "00:00", closes: "24:00"}
        queue: {max_wait_minutes: 0, priority_policy: strict}
        services:
          - {id: 1, code: HT, name: "Hộ tịch", prefix: A, digits: 5}
          - {id: 2, code: CT, name: "Chứng thực", prefix: B, digits: 5}
        counters:
          - {number: 1, services: [HT, CT]}
          - {number: 2, services: [HT, CT]}
        """

    /// Polls until the daemon's outbox is empty and the core holds every event of the daemon's log; then
    /// the core's statistics and the daemon's last seq.
    static func drained(
        _ daemon: DaemonProcess, _ core: WorkflowCoreProcess, daemonID: String, within seconds: TimeInterval
    ) async throws -> (stats: [String: Int], seq: Int) {
        let deadline = Date() + seconds
        var stats: [String: Int] = [:]
        var seq = 0
        while Date() < deadline {
            seq = try await daemon.lastSeq()
            if try await daemon.metric("motcua_outbox_pending") == 0 {
                stats = (try? core.stats(daemonID: daemonID)) ?? [:]
                if stats["last_seq"] == seq { return (stats, seq) }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        return (stats, seq)
    }

    /// Ops done so far, shared by the load's clients and the task that kills the core.
    final class Progress: Sendable {
        let count = Atomic<Int>(0)
    }

    /// Where the test-side core of the bad-frames test is, shared with the test.
    final class Phase: Sendable {
        let framesDone = Atomic<Bool>(false)
        let lookupAnswered = Atomic<Bool>(false)
    }

    /// Frames read by a test-side core, handed from its thread to the test.
    struct Frames: @unchecked Sendable {
        // @unchecked: JSON objects, made on the peer's thread and only read after it finished.
        let value: [String: [String: Any]]
        init(_ value: [String: [String: Any]]) { self.value = value }
    }

    /// A reference core with its demo dossiers (codes in status order, 1…10) and a daemon linked to it.
    static func linkedToDemoCore() async throws -> (WorkflowCoreProcess, DaemonProcess, [String]) {
        let core = try WorkflowCoreProcess()
        try await core.start(["--demo"])
        let codes = core.demoCodes()
        try #require(codes.count == 10, "the demo codes are logged at start: \(core.logText())")
        let daemon = try DaemonProcess()
        try await daemon.start(["--workflow-socket", core.socketPath])
        try #require(try await daemon.waitForMetric("motcua_workflow_connected", within: 15) { $0 == 1 } == 1)
        return (core, daemon, codes)
    }

    // MARK: 1. Exactly once, in order, across core crashes

    @Test("10 000 events arrive exactly once and in order while the core is killed and restarted three times")
    func exactlyOnceAcrossCrashes() async throws {
        try await OfficeDay.awayFromMidnight()
        let began = Date()
        let core = try WorkflowCoreProcess()
        try await core.start()
        let daemon = try DaemonProcess(config: Self.bigOffice)
        try await daemon.start(["--workflow-socket", core.socketPath])
        for counter in 1...2 {
            let opened = try await daemon.controlPost("/api/v1/counters/\(counter)/open")
            #expect(opened.status == 200, "counter \(counter) opens: \(opened.status) \(String(decoding: opened.body, as: UTF8.self))")
        }
        try #require(try await daemon.waitForMetric("motcua_workflow_connected", within: 15) { $0 == 1 } == 1, "the link connects")

        // The load: 8 clients, each issuing tickets and, after three tickets in four, calling the next one
        // at a counter (a call after the first also finishes the ticket served before: two events).
        // 4 160 tickets and 3 120 calls make about 4 160 + 2 × 3 120 ≈ 10 400 events.
        let clients = 8
        let ticketsPerClient = 520
        let progress = Progress()
        let totalOps = clients * (ticketsPerClient + ticketsPerClient * 3 / 4)
        struct Outcome: Sendable {
            var issued: [String] = []
            var called: [String] = []
            var failures: [String] = []
        }

        // The crashes: SIGKILL at about a fifth, a half and four fifths of the load; back after a moment.
        let crashes = Task {
            var restarts = 0
            for fraction in [0.2, 0.5, 0.8] {
                while Double(progress.count.load(ordering: .relaxed)) < fraction * Double(totalOps) {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(try await core.stop(signal: SIGKILL) == SIGKILL, "the core was killed")
                try await Task.sleep(for: .milliseconds(700))
                try await core.start()
                restarts += 1
                // The next crash waits until the link has greeted this core: on a loaded machine a core
                // can take long to start, and killing it before the link reached it tests nothing.
                let greetings = restarts + 1
                let deadline = Date().addingTimeInterval(30)
                while daemon.logText().components(separatedBy: "workflow core connected").count - 1 < greetings, Date() < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            return restarts
        }

        let outcome = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for client in 0..<clients {
                group.addTask {
                    var mine = Outcome()
                    for i in 0..<ticketsPerClient {
                        let service = (client + i) % 2 == 0 ? "HT" : "CT"
                        do {
                            let answer = try await daemon.post("/api/v1/tickets", json: ["service": service, "kiosk": "k\(client)"])
                            if answer.status == 201, let number = answer.object["number"] as? String {
                                mine.issued.append(number)
                            } else {
                                mine.failures.append("ticket: \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
                            }
                        } catch {
                            mine.failures.append("ticket: \(error)")
                        }
                        progress.count.add(1, ordering: .relaxed)
                        guard i % 4 != 3 else { continue }
                        let counter = client % 2 + 1
                        do {
                            let answer = try await daemon.controlPost("/api/v1/counters/\(counter)/next")
                            let ticket = answer.object["ticket"] as? [String: Any] ?? answer.object
                            if answer.status == 200, let number = ticket["number"] as? String {
                                mine.called.append(number)
                            } else if answer.status != 204 {
                                mine.failures.append("next \(counter): \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
                            }
                        } catch {
                            mine.failures.append("next \(counter): \(error)")
                        }
                        progress.count.add(1, ordering: .relaxed)
                    }
                    return mine
                }
            }
            var all = Outcome()
            for try await part in group {
                all.issued += part.issued
                all.called += part.called
                all.failures += part.failures
            }
            return all
        }
        let restarts = try await crashes.value
        let loadDone = Date()
        #expect(restarts == 3)
        #expect(outcome.failures.count == 0, "every request answered OK while the core came and went: \(outcome.failures.prefix(5))")
        #expect(outcome.issued.count == clients * ticketsPerClient)

        // Every ticket the daemon issued is in its queue: waiting, or called at a counter.
        let queue = try await daemon.get("/api/v1/queue").object
        let waiting = (queue["services"] as? [[String: Any]] ?? [])
            .flatMap { ($0["tickets"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String } }
        #expect(Set(outcome.issued).count == outcome.issued.count, "no number issued twice")
        #expect(Set(waiting).isDisjoint(with: outcome.called), "no called ticket still waits")
        #expect(Set(waiting).union(outcome.called) == Set(outcome.issued), "issued = waiting + called")
        #expect(outcome.called.count > 2_500, "most calls found someone waiting: \(outcome.called.count)")

        // After the last restart the backlog drains: outbox empty, the core holds seq 1 … N, each once.
        let daemonID = try daemon.daemonID()
        let (stats, seq) = try await Self.drained(daemon, core, daemonID: daemonID, within: 60)
        #expect(seq >= 10_000, "the run made at least 10 000 events: \(seq)")
        #expect(try await daemon.metric("motcua_outbox_pending") == 0)
        #expect(try await daemon.metric("motcua_outbox_oldest_age_seconds") == 0)
        #expect(try await daemon.metric("motcua_workflow_connected") == 1)
        #expect(stats["stored"] == seq, "stored once each: \(stats), seq \(seq)")
        #expect(stats["last_seq"] == seq)
        #expect((stats["received"] ?? 0) == seq + (stats["duplicates"] ?? -1), "every resent event counted as a duplicate: \(stats)")
        let seqs = try core.storedSeqs(daemonID: daemonID)
        #expect(seqs.count == seq)
        #expect(seqs == Array(1...seq), "stored in order, 1 … \(seq) with no gap and no repeat")
        // The delivered counter restarts with the daemon only; in this run it covers every event.
        #expect((try await daemon.metric("motcua_events_delivered_total") ?? 0) >= Double(seq))
        // The link saw each crash and said hello again to each new core.
        let log = daemon.logText()
        let losses = log.components(separatedBy: "workflow core closed the connection").count - 1
            + log.components(separatedBy: "connection to the workflow core lost").count - 1
        #expect(losses >= 3, "the link noticed the three crashes: \(losses)")
        #expect(log.components(separatedBy: "workflow core connected").count - 1 >= 4)
        let drainedAt = Date()
        #expect(try await daemon.stop() == 0)
        #expect(try await core.stop() == 0)
        print("exactlyOnceAcrossCrashes: \(stats), \(seq) events, load \(String(format: "%.1f", loadDone.timeIntervalSince(began))) s, drained at \(String(format: "%.1f", drainedAt.timeIntervalSince(began))) s, stopped in \(String(format: "%.1f", Date().timeIntervalSince(drainedAt))) s")
    }

    // MARK: 2. A hung core

    @Test("a silent core cannot block ticket issue; the backlog drains once a real core takes the socket")
    func silentCore() async throws {
        try await OfficeDay.awayFromMidnight()
        let core = try WorkflowCoreProcess()
        let silent = try SilentCore(path: core.socketPath)
        let daemon = try DaemonProcess(config: DaemonProcess.config + "\nworkflow: {lookup_timeout_ms: 300}\n")
        try await daemon.start(["--workflow-socket", core.socketPath])
        let started = Date()

        // The core's answer timeout is 10 s: until then the link waits for session.hello, then drops the
        // connection and connects again. The office works all along. Lookups find no greeted connection and
        // answer at once (a core that said hello and then hangs on a lookup is in the bad-frames test).
        var issued = 0
        var slowest: TimeInterval = 0
        var lookups: [TimeInterval] = []
        while Date() < started + 25, silent.connections < 2 || Date() < started + 11 {
            let before = Date()
            let ticket = try await daemon.send(.POST, "/api/v1/tickets", body: Data(#"{"service":"HT"}"#.utf8), headers: [], timeout: .seconds(5))
            slowest = max(slowest, Date().timeIntervalSince(before))
            #expect(ticket.status == 201)
            if ticket.status == 201 { issued += 1 }
            if issued % 5 == 1 {
                let asked = Date()
                let lookup = try await daemon.send(.GET, "/api/v1/dossiers/000.00.19.H47-260101-0001", body: nil, headers: [], timeout: .seconds(5))
                lookups.append(Date().timeIntervalSince(asked))
                #expect(lookup.status == 503)
                #expect((lookup.object["error"] as? [String: Any])?["code"] as? String == "workflow_unavailable")
            }
            #expect(try await daemon.metric("motcua_workflow_connected") == 0, "never connected: the silent core never said hello")
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(silent.connections >= 2, "after the answer timeout the link gave up the hung connection and connected again")
        #expect(slowest < 3, "each ticket answered within a few seconds (slowest \(slowest) s)")
        #expect(issued >= 20)
        #expect(lookups.allSatisfy { $0 < 1.5 }, "lookups answer within the lookup timeout: \(lookups)")
        #expect((try await daemon.metric("motcua_outbox_pending") ?? 0) >= Double(issued), "the tickets wait in the outbox")

        // The hung core goes; the real one takes its socket; the backlog drains by itself.
        try await silent.stop()
        try await core.start(["--socket", core.socketPath])
        let (stats, seq) = try await Self.drained(daemon, core, daemonID: try daemon.daemonID(), within: 30)
        #expect(try await daemon.metric("motcua_outbox_pending") == 0)
        #expect(stats["stored"] == seq, "\(stats), seq \(seq)")
        #expect(stats["last_seq"] == seq)
        #expect(stats["duplicates"] == 0)
        #expect(try await daemon.metric("motcua_workflow_connected") == 1)
        #expect(try await daemon.stop() == 0)
        #expect(try await core.stop() == 0)
    }

    // MARK: 3. Malformed frames from the core

    @Test("bad frames from the core get the right JSON-RPC errors and the connection goes on")
    func badFramesFromTheCore() async throws {
        try await OfficeDay.awayFromMidnight()
        let core = try WorkflowCoreProcess()
        let listener = try UnixListener(path: core.socketPath)
        let daemon = try DaemonProcess(config: DaemonProcess.config + "\nworkflow: {lookup_timeout_ms: 300}\n")
        try await daemon.start(["--workflow-socket", core.socketPath])
        for _ in 0..<3 { #expect(try await daemon.post("/api/v1/tickets", json: ["service": "HT"]).status == 201) }

        // What the daemon answers to each frame, read on a thread of its own. Its events.publish is left
        // unanswered: the fake core holds no event, so the real one later gets each exactly once.
        let phase = Phase()
        async let peerRun = offThread { () throws -> Frames in
            guard let fd = listener.accept(timeout: 10) else { throw E2EError("the daemon did not connect within 10 s") }
            let peer = PeerConnection(fd: fd)
            defer { peer.close() }
            let hello = try peer.nextRequest()
            guard hello["method"] as? String == "session.hello", let helloID = hello["id"] else {
                throw E2EError("the first frame is not session.hello: \(hello)")
            }
            let params = hello["params"] as? [String: Any] ?? [:]
            guard params["protocol"] as? Int == 1, params["site"] as? String == "e2e", params["daemon_id"] is String else {
                throw E2EError("session.hello params: \(params)")
            }
            let reply = try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": helloID, "result": ["protocol": 1, "acked_seq": 0]])
            try peer.send(String(decoding: reply, as: UTF8.self) + "\n")

            var answers: [String: [String: Any]] = [:]
            func ask(_ name: String, _ frame: String) throws {
                try peer.send(frame + "\n")
                answers[name] = try peer.nextResponse()
            }
            try ask("garbage", "{nope")
            try ask("truncated", #"{"jsonrpc":"2.0","id":7,"method":"pi"#)
            try ask("oversized", "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\",\"params\":{\"pad\":\"" + String(repeating: "x", count: 1024 * 1024 + 64) + "\"}}")
            // A response nobody asked for is not answered: the next response is the ping's.
            try peer.send(#"{"jsonrpc":"2.0","id":424242,"result":{"acked_seq":99}}"# + "\n")
            try ask("after-unknown-id", #"{"jsonrpc":"2.0","id":"after","method":"ping","params":{}}"#)
            try ask("unknown-method", #"{"jsonrpc":"2.0","id":"m","method":"dossier.explode","params":{}}"#)
            try ask("unmasked", #"{"jsonrpc":"2.0","id":"n","method":"display.notice","params":{"kind":"dossier_ready","code":"000.00.19.H47-260101-0001","applicant_masked":"Nguyễn Văn An"}}"#)
            try ask("ping", #"{"jsonrpc":"2.0","id":"p","method":"ping","params":{}}"#)
            answers["requests"] = ["methods": peer.requests.dropFirst().compactMap { $0["method"] as? String }]

            // Then a core that said hello but never answers a lookup: the test asks, the peer holds the
            // request until the daemon has answered the kiosk on its own.
            phase.framesDone.store(true, ordering: .releasing)
            let deadline = Date() + 10
            while Date() < deadline {
                let request = try peer.nextRequest()
                if request["method"] as? String == "dossier.lookup" {
                    answers["lookup"] = request
                    break
                }
            }
            while Date() < deadline, !phase.lookupAnswered.load(ordering: .acquiring) { usleep(20_000) }
            return Frames(answers)
        }

        let waitUntil = Date() + 15
        while !phase.framesDone.load(ordering: .acquiring), Date() < waitUntil { try await Task.sleep(for: .milliseconds(20)) }
        let asked = Date()
        let hung = try await daemon.get("/api/v1/dossiers/000.00.19.H47-260101-0002")
        let lookupTook = Date().timeIntervalSince(asked)
        phase.lookupAnswered.store(true, ordering: .releasing)
        let answers = try await peerRun.value
        listener.close()
        let gone = Date()

        func code(_ name: String) -> Int? { (answers[name]?["error"] as? [String: Any])?["code"] as? Int }
        #expect(code("garbage") == -32700, "\(answers["garbage"] ?? [:])")
        #expect(answers["garbage"]?["id"] is NSNull, "a parse error is answered with a null id")
        #expect(code("truncated") == -32700, "\(answers["truncated"] ?? [:])")
        #expect(code("oversized") == -32600, "\(answers["oversized"] ?? [:])")
        #expect(answers["after-unknown-id"]?["id"] as? String == "after", "the stray response got no answer: \(answers["after-unknown-id"] ?? [:])")
        #expect(answers["after-unknown-id"]?["result"] as? [String: Int] == [:])
        #expect(code("unknown-method") == -32601, "\(answers["unknown-method"] ?? [:])")
        #expect(answers["unknown-method"]?["id"] as? String == "m")
        #expect(code("unmasked") == -32602, "\(answers["unmasked"] ?? [:])")
        #expect(answers["unmasked"]?["id"] as? String == "n")
        #expect(answers["ping"]?["id"] as? String == "p")
        #expect(answers["ping"]?["result"] as? [String: Int] == [:], "\(answers["ping"] ?? [:])")
        #expect((answers["requests"]?["methods"] as? [String])?.allSatisfy { $0 == "events.publish" } == true, "after hello, the daemon only publishes: \(answers["requests"] ?? [:])")

        #expect((answers["lookup"]?["params"] as? [String: Any])?["code"] as? String == "000.00.19.H47-260101-0002", "the lookup reached the core")
        #expect(hung.status == 503, "nothing cached: unavailable")
        #expect((hung.object["error"] as? [String: Any])?["code"] as? String == "workflow_unavailable")
        #expect(lookupTook >= 0.25 && lookupTook < 2, "answered at the 300 ms lookup timeout: \(lookupTook) s")

        // The daemon lives on and serves.
        #expect(try await daemon.get("/healthz").status == 200)
        #expect(try await daemon.post("/api/v1/tickets", json: ["service": "CT"]).status == 201)

        // The fake core is gone; the real one takes the socket: each event arrives exactly once.
        try await core.start(["--socket", core.socketPath])
        let (stats, seq) = try await Self.drained(daemon, core, daemonID: try daemon.daemonID(), within: 30)
        #expect(seq >= 4)
        #expect(stats["stored"] == seq, "\(stats), seq \(seq)")
        #expect(stats["received"] == seq)
        #expect(stats["duplicates"] == 0)
        #expect(try core.storedSeqs(daemonID: try daemon.daemonID()) == Array(1...seq))
        // Its events.publish was in flight when the fake core left: the link must notice the close at once,
        // not only when the 10 s answer timeout fires.
        #expect(Date().timeIntervalSince(gone) < 8, "drained \(Date().timeIntervalSince(gone)) s after the fake core left")
        #expect(!daemon.logText().contains("dossier.ready"), "the unmasked notice stored nothing")
        #expect(try await daemon.stop() == 0)
        #expect(try await core.stop() == 0)
    }

    // MARK: 4. Lookup

    @Test("lookup: masked while the core is up, stale from the cache when it is down, 503 for what was never seen")
    func lookup() async throws {
        let (core, daemon, codes) = try await Self.linkedToDemoCore()

        let full = try core.call("dossier.get", ["code": codes[0]])
        let applicant = try #require(full["applicant"] as? String, "dossier.get shows the applicant: \(full)")

        let found = try await daemon.get("/api/v1/dossiers/\(codes[0])")
        #expect(found.status == 200)
        let view = found.object
        #expect(view["code"] as? String == codes[0])
        #expect(view["stale"] as? Bool == false)
        #expect(view["as_of"] is String)
        let masked = try #require(view["applicant_masked"] as? String)
        #expect(masked.contains("*"), "masked: \(masked)")
        let body = String(decoding: found.body, as: UTF8.self)
        #expect(!body.contains(applicant), "the full name appears nowhere in the answer: \(body)")
        #expect(!body.precomposedStringWithCanonicalMapping.contains(applicant.precomposedStringWithCanonicalMapping))
        #expect(!body.decomposedStringWithCanonicalMapping.contains(applicant.decomposedStringWithCanonicalMapping))
        #expect(view["applicant"] == nil)

        let unknown = try await daemon.get("/api/v1/dossiers/000.00.19.H47-260101-9999")
        #expect(unknown.status == 404)
        #expect((unknown.object["error"] as? [String: Any])?["code"] as? String == "not_found")
        let malformed = try await daemon.get("/api/v1/dossiers/not-a-code")
        #expect(malformed.status == 400)
        #expect((malformed.object["error"] as? [String: Any])?["code"] as? String == "bad_code")

        // The core dies: the code looked up before comes from the cache, marked stale; another is unknown.
        #expect(try await core.stop(signal: SIGKILL) == SIGKILL)
        #expect(try await daemon.waitForMetric("motcua_workflow_connected", within: 5) { $0 == 0 } == 0, "the link sees the core go at once: \(daemon.logText().suffix(1500))")
        let asked = Date()
        let stale = try await daemon.get("/api/v1/dossiers/\(codes[0])")
        #expect(Date().timeIntervalSince(asked) < 3, "answered within the lookup timeout")
        #expect(stale.status == 200)
        #expect(stale.object["stale"] as? Bool == true)
        #expect(stale.object["as_of"] as? String == view["as_of"] as? String, "as of the core's last answer")
        #expect(stale.object["applicant_masked"] as? String == masked)
        let never = try await daemon.get("/api/v1/dossiers/\(codes[1])")
        #expect(never.status == 503)
        #expect((never.object["error"] as? [String: Any])?["code"] as? String == "workflow_unavailable")
        #expect(try await daemon.stop() == 0)
    }

    // MARK: 5. display.notice

    @Test("a dossier reaching status 9 is shown on the displays as dossier.ready")
    func statusNineReachesTheDisplays() async throws {
        let (core, daemon, codes) = try await Self.linkedToDemoCore()

        // The demo set is in status order: the fourth is being processed (4), which may move to finished (9).
        let code = codes[3]
        let before = try core.call("dossier.get", ["code": code])
        #expect(before["status"] as? Int == 4, "\(before)")
        let applicant = before["applicant"] as? String ?? "?"

        let frames = try await daemon.readEvents(within: 10, after: {
            let moved = try core.call("dossier.transition", ["code": code, "status_code": 9])
            #expect(moved["status"] as? Int == 9, "\(moved)")
        }, until: { frames in frames.contains { $0.type == "dossier.ready" } })
        let ready = try #require(frames.first { $0.type == "dossier.ready" }, "dossier.ready on the SSE within 10 s; saw \(frames.map(\.type))")
        let data = ready.object["data"] as? [String: Any] ?? [:]
        #expect(data["code"] as? String == code)
        let masked = data["applicant_masked"] as? String ?? ""
        #expect(masked.contains("*"), "masked: \(ready.data)")
        #expect(!ready.data.contains(applicant), "the full name is not shown: \(ready.data)")
        #expect(try await daemon.stop() == 0)
        #expect(try await core.stop() == 0)
    }
}
