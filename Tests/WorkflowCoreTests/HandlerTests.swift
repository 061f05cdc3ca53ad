import Foundation
import Testing
import Workflow
import WorkflowCore
import WorkflowProtocol

@Suite struct HandlerTests {
    static func event(_ seq: Int64) -> JSONValue {
        [
            "id": .string(String(format: "00000000-0000-4000-8000-%012d", seq)), "seq": .int(seq), "type": "ticket.issued",
            "at": "2026-04-29T09:00:00.000+07:00", "site": "thang-tam", "data": ["number": .int(seq)],
        ]
    }

    static let hello: [String: JSONValue] = ["protocol": 1, "site": "thang-tam", "daemon_id": "d1"]

    @Test func helloThenPublishThenStats() throws {
        let core = try CoreFixture()
        var session = WorkflowSession()
        let greeting = core.call("session.hello", Self.hello, session: &session)
        #expect(greeting?.result.value == ["protocol": 1, "acked_seq": 0])
        #expect(session.daemonID == "d1")
        let events: [String: JSONValue] = ["events": [Self.event(1), Self.event(2)]]
        #expect(core.call("events.publish", events, session: &session)?.result.value == ["acked_seq": 2])
        #expect(core.call("events.publish", events, session: &session)?.result.value == ["acked_seq": 2])
        #expect(core.call("events.stats", session: &session)?.result.value
            == ["received": 4, "stored": 2, "duplicates": 2, "last_seq": 2])
        var again = WorkflowSession()
        #expect(core.call("session.hello", Self.hello, session: &again)?.result.value == ["protocol": 1, "acked_seq": 2])
    }

    @Test func helloWithAnotherProtocolIsRefused() throws {
        let core = try CoreFixture()
        var session = WorkflowSession()
        var params = Self.hello
        params["protocol"] = 2
        let error = core.call("session.hello", params, session: &session)?.error
        #expect(error?.code == .protocolMismatch)
        #expect(error?.code.rawValue == -32003)
        #expect(!session.isGreeted)
    }

    @Test func publishBeforeHelloIsRefused() throws {
        let core = try CoreFixture()
        var session = WorkflowSession()
        let error = core.call("events.publish", ["events": [Self.event(1)]], session: &session)?.error
        #expect(error?.code == .invalidRequest)
        #expect(try core.store.stats(daemonID: nil).received == 0)
    }

    @Test func publishChecksSeqAndId() throws {
        let core = try CoreFixture()
        var bad = Self.event(1)
        if case .object(var object) = bad { object["id"] = "not-a-uuid"; bad = .object(object) }
        let error = core.call("events.publish", ["events": [bad]]).failure
        #expect(error?.code == .invalidParams)
        #expect(error?.data == ["field": "events[0].id"])
        let zero = core.call("events.publish", ["events": [Self.event(0)]]).failure
        #expect(zero?.code == .invalidParams)
        #expect(try core.store.stats(daemonID: nil).received == 0)
    }

    @Test func receiveComputesTheAppointmentOverHolidays() throws {
        // Wednesday 29 April 2026 09:00, 2 working days: 30/4 and 1/5 are holidays, then a weekend.
        let core = try CoreFixture(now: "2026-04-29 09:00")
        let result = core.call("dossier.receive", [
            "procedure": "Chứng thực bản sao từ bản chính", "applicant": "Nguyễn Văn An", "processing_days": 2,
        ])
        let dossier = try #require(result.value)
        #expect(dossier["status"] == 2)
        #expect(dossier["code"] == "000.00.19.H47-260429-0001")
        #expect(dossier["due_at"] == "2026-05-05T09:00:00.000+07:00")
        #expect(dossier["received_at"] == "2026-04-29T09:00:00.000+07:00")
        #expect(dossier["processing_days"] == 2)
        let second = core.call("dossier.receive", ["procedure": "Đăng ký khai sinh", "applicant": "Trần Bình", "processing_days": 1])
        #expect(second.value?["code"] == "000.00.19.H47-260429-0002")
        let stored = try #require(try core.store.dossier(code: "000.00.19.H47-260429-0001"))
        #expect(stored.dueAt == CoreFixture.at("2026-05-05 09:00"))
    }

    @Test func receiveWithAnExistingCodeIsRefused() throws {
        let core = try CoreFixture()
        let params: [String: JSONValue] = [
            "code": "000.00.19.H47-260429-0007", "procedure": "Đăng ký khai sinh", "applicant": "Trần Bình", "processing_days": 1,
        ]
        #expect(core.call("dossier.receive", params).value?["code"] == "000.00.19.H47-260429-0007")
        #expect(core.call("dossier.receive", params).failure?.code == .invalidParams)
    }

    @Test func legalAndIllegalTransitions() throws {
        let core = try CoreFixture()
        let code = try #require(core.call("dossier.receive", [
            "procedure": "Đăng ký kết hôn", "applicant": "Lê Thị Hoa", "processing_days": 5,
        ]).value?["code"])
        let moved = core.call("dossier.transition", ["code": code, "status_code": 4, "note": "Chuyển xử lý"])
        #expect(moved.value?["status"] == 4)
        let illegal = try #require(core.call("dossier.transition", ["code": code, "status_code": 10]).failure)
        #expect(illegal.code == .illegalTransition)
        #expect(illegal.code.rawValue == -32004)
        #expect(illegal.message.contains("Không thể chuyển hồ sơ"))
        #expect(illegal.message.contains("Đang xử lý"))
        let got = try #require(core.call("dossier.get", ["code": code]).value)
        #expect(got["status"] == 4)
        #expect(got["applicant"] == "Lê Thị Hoa")
        #expect(got["history"]?.arrayValue?.count == 2)
        let missing = core.call("dossier.transition", ["code": "000.00.19.H47-260429-0099", "status_code": 4]).failure
        #expect(missing?.code == .notFound)
        #expect(core.call("dossier.get", ["code": "000.00.19.H47-260429-0099"]).failure?.code == .notFound)
    }

    @Test func lookupIsMaskedAndOnlyTheContractsFields() throws {
        let core = try CoreFixture()
        let code = try #require(core.call("dossier.receive", [
            "procedure": "Đăng ký thường trú", "applicant": "Nguyễn Văn An", "unit": "UBND phường Thắng Tam",
            "processing_days": 2,
        ]).value?["code"])
        let view = try #require(core.call("dossier.lookup", ["code": code]).value)
        let text = String(decoding: try WireJSON.encode(view), as: UTF8.self)
        #expect(!text.contains("Nguyễn Văn An"))
        #expect(!text.contains("Văn"))
        #expect(view["applicant_masked"] == "Nguyễn V** A")
        #expect(view["status"] == "Được tiếp nhận")
        #expect(view["status_code"] == 2)
        let allowed: Set<String> = [
            "code", "status", "status_code", "procedure", "unit", "received_at", "due_at", "returned_at", "supplement",
            "fee_due", "applicant_masked", "updated_at",
        ]
        let keys = Set(view.objectValue?.keys.map { $0 } ?? [])
        #expect(keys.isSubset(of: allowed))
        #expect(keys.contains("due_at"))
        let decoded = try view.decode(DossierLookupResult.self)
        #expect(decoded.dueAt == "2026-05-05T09:00:00.000+07:00")
        #expect(decoded.unit == "UBND phường Thắng Tam")
        #expect(decoded.procedure == "Đăng ký thường trú")
    }

    @Test func lookupOfUnknownOrMalformedCode() throws {
        let core = try CoreFixture()
        #expect(core.call("dossier.lookup", ["code": "000.00.19.H47-260429-0042"]).failure?.code == .notFound)
        #expect(core.call("dossier.lookup", ["code": "not a code"]).failure?.code == .invalidParams)
        #expect(core.call("dossier.lookup", [:]).failure?.code == .invalidParams)
    }

    @Test func unknownMethodPingAndNotifications() throws {
        let core = try CoreFixture()
        #expect(core.call("dossier.delete", ["code": "x"]).failure?.code == .methodNotFound)
        #expect(core.call("print.document", [:]).failure?.code == .methodNotFound)
        #expect(core.call("ping").value == [:])
        var session = WorkflowSession()
        let note = RPCRequest(method: "session.hello", params: Self.hello, id: nil)
        #expect(core.handler.handle(note, session: &session) == nil)
        let unknown = RPCRequest(method: "no.such.method", params: [:], id: nil)
        #expect(core.handler.handle(unknown, session: &session) == nil)
        let response = core.call("ping", session: &session)
        #expect(response?.id == 1)
    }
}
