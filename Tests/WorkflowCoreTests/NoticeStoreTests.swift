import Foundation
import Testing
import Workflow
import WorkflowCore
import WorkflowProtocol

/// Durable `display.notice`s: stored with the transition, waiting per daemon, delivered on a result, 24 h.
@Suite struct NoticeStoreTests {
    /// Receives a dossier and moves it to processing (4), ready to finish (9); returns its code.
    static func processing(_ core: CoreFixture, applicant: String = "Lê Thị Hoa") throws -> String {
        let code = try #require(core.call("dossier.receive", [
            "procedure": "Đăng ký kết hôn", "applicant": .string(applicant), "processing_days": 5,
        ]).value?["code"]?.stringValue)
        #expect(core.call("dossier.transition", ["code": .string(code), "status_code": 4]).value?["status"] == 4)
        return code
    }

    static func finish(_ core: CoreFixture, _ code: String) -> WorkflowCoreAnswer {
        var session = WorkflowSession()
        return core.handler.respond(
            to: RPCRequest(method: "dossier.transition", params: ["code": .string(code), "status_code": 9], id: 3), session: &session
        )
    }

    static func hello(_ core: CoreFixture, _ daemonID: String, protocol version: Int64 = 1) -> WorkflowCoreAnswer {
        var session = WorkflowSession()
        return core.handler.respond(
            to: RPCRequest(method: "session.hello", params: ["protocol": .int(version), "site": "thang-tam", "daemon_id": .string(daemonID)], id: 1),
            session: &session
        )
    }

    @Test func helloMakesTheDaemonKnownAndNamesIt() throws {
        let core = try CoreFixture()
        let answer = Self.hello(core, "d-a")
        #expect(answer.greetedDaemon == "d-a")
        #expect(answer.response?.result.value?["acked_seq"] == 0)
        #expect(Self.hello(core, "d-b", protocol: 9).greetedDaemon == nil, "a refused hello greets no one")
        let code = try Self.processing(core)
        let notice = try #require(Self.finish(core, code).notices.first)
        #expect(try core.store.undeliveredNotices(daemonID: "d-a", now: CoreFixture.at("2026-04-29 09:00")) == [notice])
        #expect(try core.store.undeliveredNotices(daemonID: "d-b", now: CoreFixture.at("2026-04-29 09:00")).isEmpty)
    }

    @Test func theNoticeIsStoredWithTheTransitionForEveryKnownDaemon() throws {
        let core = try CoreFixture()
        let now = CoreFixture.at("2026-04-29 09:00")
        _ = try core.store.greet(daemonID: "d-a", site: "thang-tam")
        _ = try core.store.greet(daemonID: "d-b", site: "thang-nhat")
        let code = try Self.processing(core)
        #expect(try core.store.notices().isEmpty, "no notice before status 9")

        let finished = Self.finish(core, code)
        #expect(finished.response?.result.value?["status"] == 9)
        let notice = try #require(finished.notices.first)
        #expect(finished.notices.count == 1)
        #expect(notice.params == DisplayNoticeParams(kind: .dossierReady, code: code, applicantMasked: "Lê T** H"))
        #expect(notice.params.counter == nil)
        #expect(notice.createdAt == now)
        #expect(notice.requestID == .string("n-\(notice.id)"))
        #expect(try core.store.notices() == [notice], "stored, and read back the same")
        #expect(try core.store.undeliveredNotices(daemonID: "d-a", now: now) == [notice])
        #expect(try core.store.undeliveredNotices(daemonID: "d-b", now: now) == [notice])

        // A daemon first heard of after the notice was made is not sent it.
        _ = try core.store.greet(daemonID: "d-late", site: "thang-tam")
        #expect(try core.store.undeliveredNotices(daemonID: "d-late", now: now).isEmpty)
        #expect(try core.store.undeliveredNotices(daemonID: "never-seen", now: now).isEmpty)

        // An illegal move (9 again) and the move on to 10 store nothing more.
        #expect(Self.finish(core, code).response?.error?.code == .illegalTransition)
        #expect(core.call("dossier.transition", ["code": .string(code), "status_code": 10]).value?["status"] == 10)
        #expect(try core.store.notices() == [notice])
    }

    @Test func aFailedChangeKeepsNeitherTheDossierNorTheNotice() throws {
        let core = try CoreFixture()
        _ = try core.store.greet(daemonID: "d-a", site: "thang-tam")
        let code = try Self.processing(core)
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try core.store.update(code: code, at: CoreFixture.at("2026-04-29 09:00")) { dossier -> DisplayNoticeParams? in
                try dossier.transition(to: .finished, at: CoreFixture.at("2026-04-29 09:00"), note: nil, calendar: CoreFixture.calendar)
                throw Refused()
            }
        }
        #expect(try core.store.dossier(code: code)?.status == .processing)
        #expect(try core.store.notices().isEmpty)
    }

    @Test func aResultMarksItDeliveredForThatDaemonOnly() throws {
        let core = try CoreFixture()
        let now = CoreFixture.at("2026-04-29 09:00")
        _ = try core.store.greet(daemonID: "d-a", site: "thang-tam")
        _ = try core.store.greet(daemonID: "d-b", site: "thang-tam")
        let first = try #require(Self.finish(core, try Self.processing(core, applicant: "Lê Thị Hoa")).notices.first)
        let second = try #require(Self.finish(core, try Self.processing(core, applicant: "Trần Văn Bình")).notices.first)
        #expect(first.id < second.id)
        #expect(try core.store.undeliveredNotices(daemonID: "d-a", now: now) == [first, second], "in creation order")

        #expect(try core.store.markDelivered(noticeID: first.id, daemonID: "d-a", at: now))
        #expect(try !core.store.markDelivered(noticeID: first.id, daemonID: "d-a", at: now), "once")
        #expect(try !core.store.markDelivered(noticeID: first.id, daemonID: "d-x", at: now), "not meant for d-x")
        #expect(try !core.store.markDelivered(noticeID: 999, daemonID: "d-a", at: now), "no such notice")
        #expect(try core.store.undeliveredNotices(daemonID: "d-a", now: now) == [second])
        #expect(try core.store.undeliveredNotices(daemonID: "d-b", now: now) == [first, second], "d-b still waits for both")
        #expect(try core.store.markDelivered(noticeID: second.id, daemonID: "d-a", at: now))
        #expect(try core.store.undeliveredNotices(daemonID: "d-a", now: now).isEmpty)
    }

    @Test func aNoticeOlderThan24HoursIsNoLongerSent() throws {
        let core = try CoreFixture()
        let made = CoreFixture.at("2026-04-29 09:00")
        _ = try core.store.greet(daemonID: "d-a", site: "thang-tam")
        let notice = try #require(Self.finish(core, try Self.processing(core)).notices.first)
        #expect(WorkflowStore.noticeLifetime == 86_400)
        #expect(try core.store.undeliveredNotices(daemonID: "d-a", now: made.addingTimeInterval(86_399)) == [notice])
        #expect(try core.store.undeliveredNotices(daemonID: "d-a", now: made.addingTimeInterval(86_400)) == [notice], "24 h exactly: still today's")
        #expect(try core.store.undeliveredNotices(daemonID: "d-a", now: made.addingTimeInterval(86_401)).isEmpty)
        #expect(try core.store.undeliveredNotices(daemonID: "d-a", now: made.addingTimeInterval(3 * 86_400)).isEmpty)
        #expect(try core.store.notices() == [notice], "kept in the store, only no longer sent")
    }

    @Test func requestIDsNameTheNotice() {
        #expect(WorkflowNotice.noticeID(of: .string("n-12")) == 12)
        #expect(WorkflowNotice.noticeID(of: .string("n-0")) == nil)
        #expect(WorkflowNotice.noticeID(of: .string("n-x")) == nil)
        #expect(WorkflowNotice.noticeID(of: .string("p")) == nil)
        #expect(WorkflowNotice.noticeID(of: .number(12)) == nil)
    }

    @Test func waitingNoticesSurviveReopeningTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notice-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let now = CoreFixture.at("2026-04-29 09:00")
        var made: WorkflowNotice?
        do {
            let store = try WorkflowStore(path: path)
            let handler = WorkflowCoreHandler(store: store, calendar: CoreFixture.calendar, agency: CoreFixture.agency, clock: { now })
            _ = try store.greet(daemonID: "d-a", site: "thang-tam")
            var session = WorkflowSession()
            let code = try #require(handler.handle(
                RPCRequest(method: "dossier.receive", params: ["procedure": "P", "applicant": "Lê Thị Hoa", "processing_days": 1], id: 1),
                session: &session
            )?.result.value?["code"])
            for status: Int64 in [4, 9] {
                let answer = handler.respond(
                    to: RPCRequest(method: "dossier.transition", params: ["code": code, "status_code": .int(status)], id: 2), session: &session
                )
                if status == 9 { made = answer.notices.first }
            }
        }
        let notice = try #require(made)
        let reopened = try WorkflowStore(path: path)
        #expect(try reopened.undeliveredNotices(daemonID: "d-a", now: now) == [notice])
    }
}
