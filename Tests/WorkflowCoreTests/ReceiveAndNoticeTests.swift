import Foundation
import Testing
import Workflow
import WorkflowCore
import WorkflowProtocol

@Suite struct ReceiveAndNoticeTests {
    @Test func lookupOfADossierSubmittedOnlineHasNoAppointmentAndADefaultUnit() throws {
        let core = try CoreFixture(now: "2026-04-29 09:00")
        let online = try Dossier.submitOnline(
            code: "000.00.19.H47-260429-0005", procedure: "Đăng ký khai sinh", applicant: "Nguyễn Văn An", processingDays: 1,
            at: CoreFixture.at("2026-04-29 08:00")
        )
        try core.store.save(online)
        let view = try #require(core.call("dossier.lookup", ["code": "000.00.19.H47-260429-0005"]).value)
        #expect(view["status_code"] == 1)
        #expect(view["status"] == "Mới đăng ký")
        #expect(view["due_at"] == nil, "no appointment before acceptance: \(view)")
        #expect(view["unit"] == .string(WorkflowCoreHandler.fallbackUnit))
        #expect(view["received_at"] == "2026-04-29T08:00:00.000+07:00")
        let decoded = try view.decode(DossierLookupResult.self)
        #expect(decoded.dueAt == nil)
        #expect(decoded.applicantMasked == "Nguyễn V** A")
    }

    @Test func lookupUsesTheHandlersDefaultUnit() throws {
        let store = try WorkflowStore()
        let now = CoreFixture.at("2026-04-29 09:00")
        let handler = WorkflowCoreHandler(
            store: store, calendar: CoreFixture.calendar, agency: CoreFixture.agency, defaultUnit: "UBND phường Thắng Tam",
            clock: { now }
        )
        try store.save(try Dossier.submitOnline(
            code: "000.00.19.H47-260429-0006", procedure: "P", applicant: "Trần Bình", processingDays: 1, at: now
        ))
        var session = WorkflowSession()
        let view = try #require(handler.handle(
            RPCRequest(method: "dossier.lookup", params: ["code": "000.00.19.H47-260429-0006"], id: 1), session: &session
        )?.result.value)
        #expect(view["unit"] == "UBND phường Thắng Tam")
    }

    @Test func receivedAtSetsTheReceiptTheAppointmentAndTheCodesDay() throws {
        // Now: Monday 30 November 2026 08:00. Received by hand Friday 27/11 14:07 with 1 working day:
        // 3 h 23 min on Friday (to 17:30), the weekend skipped, 4 h 37 min on Monday from 07:30 → 12:07, which is
        // past the morning shift (11:30): 4 h in the morning, the last 37 min from 13:30 → 14:07, rounded up → 14:15.
        let core = try CoreFixture(now: "2026-11-30 08:00")
        let dossier = try #require(core.call("dossier.receive", [
            "procedure": "Chứng thực bản sao từ bản chính", "applicant": "Lê Thị Hoa", "processing_days": 1,
            "received_at": "2026-11-27T14:07:00+07:00",
        ]).value)
        #expect(dossier["received_at"] == "2026-11-27T14:07:00.000+07:00")
        #expect(dossier["due_at"] == "2026-11-30T14:15:00.000+07:00")
        #expect(dossier["code"] == "000.00.19.H47-261127-0001", "the code carries the day received")
    }

    @Test("received_at in the future or more than 7 days old is refused naming the field", arguments: [
        "2026-11-30T08:02:00+07:00", "2026-11-23T07:59:00+07:00", "2025-11-30T08:00:00+07:00",
    ])
    func receivedAtOutOfRange(text: String) throws {
        let core = try CoreFixture(now: "2026-11-30 08:00")
        let error = try #require(core.call("dossier.receive", [
            "procedure": "P", "applicant": "A", "processing_days": 1, "received_at": .string(text),
        ]).failure)
        #expect(error.code == .invalidParams)
        #expect(error.data == ["field": "received_at"])
        #expect(error.message.contains(text))
        #expect(try core.store.dossiers().isEmpty)
    }

    @Test("received_at at the edges is accepted: 7 days ago exactly, a minute ahead", arguments: [
        "2026-11-23T08:00:00+07:00", "2026-11-30T08:01:00+07:00", "2026-11-30T01:00:00Z",
    ])
    func receivedAtEdges(text: String) throws {
        let core = try CoreFixture(now: "2026-11-30 08:00")
        let result = core.call("dossier.receive", ["procedure": "P", "applicant": "A", "processing_days": 1, "received_at": .string(text)])
        #expect(result.value?["status"] == 2, "\(result)")
    }

    @Test func reachingStatus9SetsOffOneNoticeWithTheMaskedName() throws {
        let core = try CoreFixture()
        let code = try #require(core.call("dossier.receive", [
            "procedure": "Đăng ký kết hôn", "applicant": "Lê Thị Hoa", "processing_days": 5,
        ]).value?["code"])
        var session = WorkflowSession()
        func send(_ status: Int64) -> WorkflowCoreAnswer {
            core.handler.respond(to: RPCRequest(method: "dossier.transition", params: ["code": code, "status_code": .int(status)], id: 7), session: &session)
        }
        let processing = send(4)
        #expect(processing.notices.isEmpty)
        #expect(processing.response?.result.value?["status"] == 4)
        let finished = send(9)
        #expect(finished.response?.id == 7)
        #expect(finished.response?.result.value?["status"] == 9, "the answer to the request is the dossier, as before")
        #expect(finished.notices.map(\.params) == [DisplayNoticeParams(kind: .dossierReady, code: code.stringValue!, applicantMasked: "Lê T** H")])
        let illegal = send(9)
        #expect(illegal.response?.error?.code == .illegalTransition)
        #expect(illegal.notices.isEmpty)
        let returned = send(10)
        #expect(returned.notices.isEmpty)
    }
}
