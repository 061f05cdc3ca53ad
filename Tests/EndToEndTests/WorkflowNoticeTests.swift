import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Durable `display.notice`s at the real `motcua workflow serve`: a daemon away when a dossier reaches
/// status 9 gets the notice when it next says hello, until it answers it with a result; through a crash of
/// the core too; not after 24 hours.
@Suite("Display notices wait for a daemon away")
struct WorkflowNoticeTests {
    static let daemonID = "d-away"

    static func hello(_ daemonID: String = daemonID) -> String {
        #"{"jsonrpc":"2.0","id":1,"method":"session.hello","params":{"protocol":1,"site":"e2e","daemon_id":"\#(daemonID)"}}"#
    }

    /// Connects as `daemonID`, says hello and checks the answer.
    static func connect(_ core: WorkflowCoreProcess, as daemonID: String = daemonID) throws -> LineSocket {
        let socket = try LineSocket(path: core.socketPath)
        let answer = try WorkflowDossierTests.result(socket.call(hello(daemonID)))
        #expect(answer["protocol"] as? Int == 1, "hello answered first: \(answer)")
        return socket
    }

    /// Receives a dossier for "Trần Thị Mai" and takes it to status 9 over a clerk's connection; returns its code.
    static func finishADossier(_ core: WorkflowCoreProcess) throws -> String {
        let clerk = try LineSocket(path: core.socketPath)
        let code = try WorkflowDossierTests.receive(clerk, applicant: "Trần Thị Mai")
        for status in [4, 9] {
            let moved = try WorkflowDossierTests.result(clerk.call(WorkflowDossierTests.request("dossier.transition", ["code": code, "status_code": status])))
            #expect(moved["status"] as? Int == status)
        }
        return code
    }

    /// Reads the next line as the `display.notice` for `code`; returns its request id.
    static func readNotice(_ socket: LineSocket, code: String) throws -> String {
        let line = try #require(try socket.readLine(), "a line after hello")
        let notice = try WorkflowDossierTests.json(String(decoding: line, as: UTF8.self))
        #expect(notice["method"] as? String == "display.notice", "\(notice)")
        let params = try #require(notice["params"] as? [String: Any], "\(notice)")
        #expect(params["kind"] as? String == "dossier_ready")
        #expect(params["code"] as? String == code)
        let masked = params["applicant_masked"] as? String ?? ""
        #expect(masked.contains("*") && !masked.contains("Thị"), "masked: \(masked)")
        #expect(params["counter"] == nil)
        return try #require(notice["id"] as? String, "a string id: \(notice)")
    }

    /// Answers the request `id` with `body` (`"result":{}` or an error), then checks with a ping that the
    /// next line is the ping's answer: nothing else was sent meanwhile.
    static func answer(_ socket: LineSocket, id: String, _ body: String, _ comment: Comment) throws {
        try socket.send(Array(#"{"jsonrpc":"2.0","id":"\#(id)",\#(body)}"#.utf8) + [UInt8(ascii: "\n")])
        #expect(try socket.call(WorkflowServeTests.ping)["id"] as? String == "p", comment)
    }

    static let ok = #""result":{}"#
    static let refused = #""error":{"code":-32002,"message":"display unplugged"}"#

    @Test("a daemon away gets the notice on its next hello; once it answered {}, a third hello gets nothing")
    func awayThenBack() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start()
        try Self.connect(core).close()
        let code = try Self.finishADossier(core)

        let back = try Self.connect(core)
        let id = try Self.readNotice(back, code: code)
        #expect(id == "n-1")
        try Self.answer(back, id: id, Self.ok, "nothing more after the one notice")
        back.close()

        let third = try Self.connect(core)
        #expect(try third.call(WorkflowServeTests.ping)["id"] as? String == "p", "a delivered notice is not sent again")

        // A notice made while the daemon is connected still goes out at once; answered, it is not sent again.
        let second = try Self.finishADossier(core)
        let live = try Self.readNotice(third, code: second)
        #expect(live == "n-2")
        try Self.answer(third, id: live, Self.ok, "one notice")
        third.close()
        #expect(try Self.connect(core).call(WorkflowServeTests.ping)["id"] as? String == "p")
        #expect(try await core.stop() == 0)
    }

    @Test("an error answer leaves the notice for the next hello, and not sooner")
    func refusedThenRetried() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start()
        try Self.connect(core).close()
        let other = try Self.connect(core, as: "d-other")
        let code = try Self.finishADossier(core)
        // The other daemon, connected, gets it at once and takes it.
        try Self.answer(other, id: try Self.readNotice(other, code: code), Self.ok, "d-other: one notice")

        let back = try Self.connect(core)
        let id = try Self.readNotice(back, code: code)
        try Self.answer(back, id: id, Self.refused, "a refused notice is not sent again at once")
        #expect(try back.call(WorkflowServeTests.ping)["id"] as? String == "p", "nor later on the same connection")
        back.close()

        let again = try Self.connect(core)
        #expect(try Self.readNotice(again, code: code) == id, "the next hello gets it again")
        try Self.answer(again, id: id, Self.ok, "one notice")
        again.close()
        #expect(try Self.connect(core).call(WorkflowServeTests.ping)["id"] as? String == "p", "delivered now")
        #expect(try Self.connect(core, as: "d-other").call(WorkflowServeTests.ping)["id"] as? String == "p", "and to d-other already")
        let log = core.logText()
        #expect(log.contains("a daemon refused a request of the core") && log.contains("display unplugged"), "\(log)")
        #expect(try await core.stop() == 0)
    }

    @Test("the core killed right after the transition still sends the notice on hello once restarted")
    func survivesACrash() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start()
        try Self.connect(core).close()
        let code = try Self.finishADossier(core)
        _ = try await core.stop(signal: SIGKILL)

        try await core.start()
        let back = try Self.connect(core)
        let id = try Self.readNotice(back, code: code)
        try Self.answer(back, id: id, Self.ok, "one notice")
        back.close()
        #expect(try Self.connect(core).call(WorkflowServeTests.ping)["id"] as? String == "p")
        #expect(core.logText().contains("display notice sent after hello"), "\(core.logText())")
        #expect(try await core.stop() == 0)
    }

    @Test("a notice more than 24 hours old is no longer sent")
    func expiresAfterADay() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start(environment: [WorkflowDossierTests.nowVariable: "2026-11-30T08:00:00+07:00"])
        try Self.connect(core).close()
        _ = try Self.finishADossier(core)
        #expect(try await core.stop() == 0)

        try await core.start(environment: [WorkflowDossierTests.nowVariable: "2026-12-01T08:01:00+07:00"])
        #expect(try Self.connect(core).call(WorkflowServeTests.ping)["id"] as? String == "p", "yesterday's notice is not shown")
        #expect(try await core.stop() == 0)
    }
}
