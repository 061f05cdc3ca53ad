import Foundation
import Testing
import WorkflowProtocol

@Suite("Params validation: -32602 naming the field")
struct ParamsValidationTests {
    /// The error of decoding `params` (JSON text of an object) as `type`.
    private func failure<Params: Decodable>(_ type: Params.Type, _ params: String) throws -> RPCError {
        let message = try RPCMessage(frame: WireText.bytes(#"{"jsonrpc":"2.0","method":"m","id":1,"params":\#(params)}"#))
        guard case .request(let request) = message else { throw RPCError.internalError("not a request") }
        do {
            _ = try request.decodeParams(type)
        } catch {
            return error
        }
        throw RPCError.internalError("params were accepted: \(params)")
    }

    private static let event = #"{"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9e","seq":1,"type":"ticket.issued","at":"2026-11-30T08:05:03.120+07:00","site":"s","data":{}}"#

    @Test("a missing field is named", arguments: [
        (#"{"protocol":1,"site":"s"}"#, "daemon_id"),
        (#"{"site":"s","daemon_id":"d"}"#, "protocol"),
    ])
    func missing(params: String, field: String) throws {
        let error = try failure(SessionHelloParams.self, params)
        #expect(error == .invalidParams("missing \"\(field)\"", field: field))
    }

    @Test("a mistyped field is named with what was expected and found")
    func mistyped() throws {
        #expect(try failure(SessionHelloParams.self, #"{"protocol":"1","site":"s","daemon_id":"d"}"#)
            == .invalidParams("\"protocol\": expected an integer, found a string", field: "protocol"))
        #expect(try failure(PrintDocumentParams.self, #"{"template":"t","data":{},"copies":1.5}"#)
            == .invalidParams("\"copies\": expected an integer, found a number", field: "copies"))
        #expect(try failure(PrintDocumentParams.self, #"{"template":"t","data":[]}"#)
            == .invalidParams("\"data\": expected an object, found an array", field: "data"))
        #expect(try failure(DossierLookupParams.self, #"{"code":12}"#)
            == .invalidParams("\"code\": expected a string, found an integer", field: "code"))
    }

    @Test("null for a required field is named")
    func null() throws {
        #expect(try failure(DossierLookupParams.self, #"{"code":null}"#)
            == .invalidParams("\"code\": expected a string, found null", field: "code"))
    }

    @Test("null for an optional field means absent")
    func nullOptional() throws {
        let message = try RPCMessage(frame: WireText.bytes(#"{"jsonrpc":"2.0","method":"print.document","id":1,"params":{"template":"t","data":{},"printer":null,"copies":null}}"#))
        guard case .request(let request) = message else {
            Issue.record("not a request")
            return
        }
        #expect(try request.decodeParams(PrintDocumentParams.self) == PrintDocumentParams(template: "t", data: [:]))
    }

    @Test("out-of-range and empty values are named", arguments: [
        (#"{"template":"t","data":{},"copies":0}"#, "copies", "0 is out of range: must be at least 1"),
        (#"{"template":"","data":{}}"#, "template", "must not be empty"),
        (#"{"template":"t","data":{},"printer":""}"#, "printer", "must not be empty"),
    ])
    func printRange(params: String, field: String, why: String) throws {
        #expect(try failure(PrintDocumentParams.self, params) == .invalidParams("\"\(field)\": \(why)", field: field))
    }

    @Test("a status code outside 1–10 is invalid params, not an illegal transition", arguments: [0, 11, -4])
    func statusCode(code: Int) throws {
        let error = try failure(DossierTransitionParams.self, #"{"code":"C","status_code":\#(code)}"#)
        #expect(error == .invalidParams("\"status_code\": \(code) is out of range: must be within 1...10", field: "status_code"))
    }

    @Test("negative processing days and a blank applicant are refused")
    func receiveRange() throws {
        #expect(try failure(DossierReceiveParams.self, #"{"procedure":"P","applicant":"A","processing_days":-1}"#).data == ["field": "processing_days"])
        #expect(try failure(DossierReceiveParams.self, #"{"procedure":"P","applicant":"","processing_days":1}"#).data == ["field": "applicant"])
    }

    @Test("a received_at that is not RFC 3339 with an offset is refused naming the field", arguments: [
        "2026-11-27 14:00", "2026-11-27T14:00:00", "2026-02-30T14:00:00+07:00", "hôm qua",
    ])
    func receivedAtShape(text: String) throws {
        let error = try failure(DossierReceiveParams.self, #"{"procedure":"P","applicant":"A","processing_days":1,"received_at":"\#(text)"}"#)
        #expect(error.code == .invalidParams)
        #expect(error.data == ["field": "received_at"])
    }

    @Test("an unknown notice kind and a counter below 1 are refused")
    func notice() throws {
        let kind = try failure(DisplayNoticeParams.self, #"{"kind":"fire_alarm","code":"C","applicant_masked":"A"}"#)
        #expect(kind.code == .invalidParams)
        #expect(kind.data == ["field": "kind"])
        let counter = try failure(DisplayNoticeParams.self, #"{"kind":"dossier_ready","code":"C","applicant_masked":"A","counter":0}"#)
        #expect(counter.data == ["field": "counter"])
    }

    @Test("a field deep in the event batch is named by its path", arguments: [
        (#"{"events":[EVENT,{"seq":2}]}"#, "events[1].id", "missing \"events[1].id\""),
        (#"{"events":[EVENT,{"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9f","seq":"2","type":"t","at":"2026-11-30T08:05:03+07:00","site":"s","data":{}}]}"#,
         "events[1].seq", "\"events[1].seq\": expected an integer, found a string"),
        (#"{"events":[EVENT,{"id":"x","seq":2,"type":"t","at":"2026-11-30T08:05:03+07:00","site":"s","data":{}}]}"#,
         "events[1].id", "\"events[1].id\": not a UUID: x"),
        (#"{"events":[EVENT,{"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9f","seq":2,"type":"t","at":"2026-11-30 08:05","site":"s","data":{}}]}"#,
         "events[1].at", "\"events[1].at\": not an RFC 3339 time with an offset: 2026-11-30 08:05"),
        (#"{"events":[EVENT,{"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9f","seq":2,"type":"t","at":"2026-11-30T08:05:03+07:00","site":"s","data":[]}]}"#,
         "events[1].data", "\"events[1].data\": expected an object, found an array"),
        (#"{"events":[EVENT,{"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9f","seq":0,"type":"t","at":"2026-11-30T08:05:03+07:00","site":"s","data":{}}]}"#,
         "events[1].seq", "\"events[1].seq\": 0 is out of range: must be at least 1"),
        (#"{"events":[EVENT,EVENT]}"#, "events[1].seq", "\"events[1].seq\": 1 does not follow 1: events go in rising seq order"),
        (#"{"events":{}}"#, "events", "\"events\": expected an array, found an object"),
    ])
    func eventPaths(params: String, field: String, sentence: String) throws {
        let error = try failure(EventsPublishParams.self, params.replacingOccurrences(of: "EVENT", with: Self.event))
        #expect(error == .invalidParams(sentence, field: field))
    }

    @Test("the whole params object of the wrong shape is named \"params\"")
    func wholeParams() throws {
        let request = RPCRequest(method: "ping", params: [:], id: 1)
        do {
            _ = try request.decodeParams([String].self)
            Issue.record("an object decoded as an array")
        } catch {
            #expect(error == .invalidParams("\"params\": expected an array, found an object", field: "params"))
        }
    }

    @Test("an unknown method is -32601 naming it; a known one maps to its case")
    func methodLookup() throws {
        #expect(throws: RPCError.methodNotFound("dossier.delete")) {
            try RPCRequest(method: "dossier.delete", id: 1).workflowMethod()
        }
        #expect(try RPCRequest(method: "events.stats", id: 1).workflowMethod() == .eventsStats)
        #expect(RPCError.methodNotFound("dossier.delete").data == ["method": "dossier.delete"])
    }
}
