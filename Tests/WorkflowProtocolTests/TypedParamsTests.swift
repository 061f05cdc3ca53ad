import Testing
import WorkflowProtocol

@Suite("Typed params and results: the contract's exact keys")
struct TypedParamsTests {
    /// `value` encodes to `json`, `json` decodes to `value`, and so does `json` with a member added.
    private func check<T: Codable & Hashable>(_ value: T, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try WireText.json(value) == json, sourceLocation: sourceLocation)
        #expect(try WireJSON.decode(T.self, from: WireText.bytes(json)) == value, sourceLocation: sourceLocation)
        if json.hasPrefix("{"), json != "{}" {
            let extended = #"{"zz_from_a_newer_peer":{"x":[1]},"# + json.dropFirst()
            #expect(try WireJSON.decode(T.self, from: WireText.bytes(extended)) == value, "unknown member", sourceLocation: sourceLocation)
        }
    }

    /// A request with `params` decodes them as `Params` and names the contract's method.
    private func checkRequest<Params: WorkflowParams>(_ params: Params, method: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(Params.method.rawValue == method, sourceLocation: sourceLocation)
        let request = try RPCRequest(params, id: 1)
        #expect(request.method == method, sourceLocation: sourceLocation)
        #expect(try request.workflowMethod() == Params.method, sourceLocation: sourceLocation)
        #expect(try request.decodeParams(Params.self) == params, sourceLocation: sourceLocation)
    }

    @Test("session.hello")
    func sessionHello() throws {
        let params = SessionHelloParams(site: "ubnd-ben-nghe", daemonID: "kiosk-host-1")
        try check(params, #"{"daemon_id":"kiosk-host-1","protocol":1,"site":"ubnd-ben-nghe"}"#)
        try checkRequest(params, method: "session.hello")
        try check(SessionHelloResult(ackedSeq: 1200), #"{"acked_seq":1200,"protocol":1}"#)
        try check(SessionHelloResult(protocolVersion: 1, ackedSeq: 0), #"{"acked_seq":0,"protocol":1}"#)
    }

    @Test("events.publish")
    func eventsPublish() throws {
        let event = WireEvent(
            id: "0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9e", seq: 7, type: "ticket.issued", at: "2026-11-30T08:05:03.120+07:00",
            site: "ubnd-ben-nghe", data: ["ticket": ["number": "A001", "priority": nil]]
        )
        let params = EventsPublishParams(events: [event])
        try check(params, #"{"events":[{"at":"2026-11-30T08:05:03.120+07:00","data":{"ticket":{"number":"A001","priority":null}},"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9e","seq":7,"site":"ubnd-ben-nghe","type":"ticket.issued"}]}"#)
        try checkRequest(params, method: "events.publish")
        try check(EventsPublishParams(events: []), #"{"events":[]}"#)
        try check(EventsPublishResult(ackedSeq: 7), #"{"acked_seq":7}"#)
    }

    @Test("dossier.lookup, with and without the optional members")
    func dossierLookup() throws {
        try check(DossierLookupParams(code: "000.00.19.H47-260105-0001"), #"{"code":"000.00.19.H47-260105-0001"}"#)
        try checkRequest(DossierLookupParams(code: "H57.132-260804-0583"), method: "dossier.lookup")
        let full = DossierLookupResult(
            code: "000.00.19.H47-260105-0001", status: "Yêu cầu bổ sung giấy tờ", statusCode: 5, procedure: "Đăng ký khai sinh",
            unit: "UBND phường Bến Nghé", receivedAt: "2026-01-05T08:10:00.000+07:00", dueAt: "2026-01-08T10:15:00.000+07:00",
            returnedAt: "2026-01-09T09:00:00.000+07:00", supplement: ["Bản sao CCCD", "Giấy chứng sinh"], feeDue: 50000,
            applicantMasked: "Nguyễn V** A", updatedAt: "2026-01-06T14:00:00.000+07:00"
        )
        try check(full, #"{"applicant_masked":"Nguyễn V** A","code":"000.00.19.H47-260105-0001","due_at":"2026-01-08T10:15:00.000+07:00","fee_due":50000,"procedure":"Đăng ký khai sinh","received_at":"2026-01-05T08:10:00.000+07:00","returned_at":"2026-01-09T09:00:00.000+07:00","status":"Yêu cầu bổ sung giấy tờ","status_code":5,"supplement":["Bản sao CCCD","Giấy chứng sinh"],"unit":"UBND phường Bến Nghé","updated_at":"2026-01-06T14:00:00.000+07:00"}"#)
        let minimal = DossierLookupResult(
            code: "H47-260105-0002", status: "Đang xử lý", statusCode: 4, procedure: "P", unit: "U",
            receivedAt: "2026-01-05T08:10:00+07:00", dueAt: "2026-01-08T10:15:00+07:00", applicantMasked: "T** B",
            updatedAt: "2026-01-05T08:10:00+07:00"
        )
        try check(minimal, #"{"applicant_masked":"T** B","code":"H47-260105-0002","due_at":"2026-01-08T10:15:00+07:00","procedure":"P","received_at":"2026-01-05T08:10:00+07:00","status":"Đang xử lý","status_code":4,"unit":"U","updated_at":"2026-01-05T08:10:00+07:00"}"#)
        let online = DossierLookupResult(
            code: "H47-260105-0003", status: "Mới đăng ký", statusCode: 1, procedure: "P", unit: "U",
            receivedAt: "2026-01-05T08:10:00+07:00", applicantMasked: "T** B", updatedAt: "2026-01-05T08:10:00+07:00"
        )
        try check(online, #"{"applicant_masked":"T** B","code":"H47-260105-0003","procedure":"P","received_at":"2026-01-05T08:10:00+07:00","status":"Mới đăng ký","status_code":1,"unit":"U","updated_at":"2026-01-05T08:10:00+07:00"}"#)
    }

    @Test("print.document")
    func printDocument() throws {
        let full = PrintDocumentParams(printer: "receipt", template: "receipt_slip", data: ["code": "H47-1", "fee": 50000], copies: 2)
        try check(full, #"{"copies":2,"data":{"code":"H47-1","fee":50000},"printer":"receipt","template":"receipt_slip"}"#)
        try checkRequest(full, method: "print.document")
        try check(PrintDocumentParams(template: "receipt_slip", data: [:]), #"{"data":{},"template":"receipt_slip"}"#)
        try check(PrintDocumentResult(job: "ticket-42"), #"{"job":"ticket-42"}"#)
    }

    @Test("display.notice")
    func displayNotice() throws {
        let params = DisplayNoticeParams(code: "H47-260105-0001", applicantMasked: "Nguyễn V** A", counter: 3)
        try check(params, #"{"applicant_masked":"Nguyễn V** A","code":"H47-260105-0001","counter":3,"kind":"dossier_ready"}"#)
        try checkRequest(params, method: "display.notice")
        try check(DisplayNoticeParams(code: "C", applicantMasked: "A"), #"{"applicant_masked":"A","code":"C","kind":"dossier_ready"}"#)
        try check(EmptyResult(), "{}")
    }

    @Test("ping")
    func ping() throws {
        try check(PingParams(), "{}")
        try checkRequest(PingParams(), method: "ping")
        #expect(try WireJSON.decode(PingParams.self, from: WireText.bytes(#"{"nonce":5}"#)) == PingParams())
        #expect(try WireJSON.decode(EmptyResult.self, from: WireText.bytes(#"{"ok":true}"#)) == EmptyResult())
    }

    @Test("dossier.receive, dossier.transition, dossier.get (reference core)")
    func referenceCoreDossiers() throws {
        let receive = DossierReceiveParams(code: "H47-260105-0009", procedure: "Đăng ký khai sinh", applicant: "Nguyễn Văn An", unit: "UBND", processingDays: 3)
        try check(receive, #"{"applicant":"Nguyễn Văn An","code":"H47-260105-0009","procedure":"Đăng ký khai sinh","processing_days":3,"unit":"UBND"}"#)
        try checkRequest(receive, method: "dossier.receive")
        try check(DossierReceiveParams(procedure: "P", applicant: "A", processingDays: 0), #"{"applicant":"A","procedure":"P","processing_days":0}"#)
        let backFilled = DossierReceiveParams(procedure: "P", applicant: "A", processingDays: 1, receivedAt: "2026-11-27T14:07:00+07:00")
        try check(backFilled, #"{"applicant":"A","procedure":"P","processing_days":1,"received_at":"2026-11-27T14:07:00+07:00"}"#)
        let transition = DossierTransitionParams(code: "H47-260105-0009", statusCode: 4, note: "chuyển xử lý")
        try check(transition, #"{"code":"H47-260105-0009","note":"chuyển xử lý","status_code":4}"#)
        try checkRequest(transition, method: "dossier.transition")
        try check(DossierTransitionParams(code: "C", statusCode: 9), #"{"code":"C","status_code":9}"#)
        try check(DossierGetParams(code: "H47-260105-0009"), #"{"code":"H47-260105-0009"}"#)
        try checkRequest(DossierGetParams(code: "C"), method: "dossier.get")
    }

    @Test("events.stats (reference core)")
    func eventsStats() throws {
        try check(EventsStatsParams(daemonID: "d-1"), #"{"daemon_id":"d-1"}"#)
        try check(EventsStatsParams(), "{}")
        try checkRequest(EventsStatsParams(daemonID: "d-1"), method: "events.stats")
        try check(EventsStatsResult(received: 10_400, stored: 10_000, duplicates: 400, lastSeq: 10_000), #"{"duplicates":400,"last_seq":10000,"received":10400,"stored":10000}"#)
    }

    @Test("every method of the contract has a name, a server and params")
    func methods() {
        #expect(WorkflowMethod.allCases.map(\.rawValue) == [
            "session.hello", "events.publish", "dossier.lookup", "print.document", "display.notice", "ping",
            "dossier.receive", "dossier.transition", "dossier.get", "events.stats",
        ])
        #expect(WorkflowMethod.allCases.filter { $0.servedBy == .daemon } == [.printDocument, .displayNotice, .ping])
        #expect(WorkflowMethod.allCases.filter(\.isReferenceCoreOnly) == [.dossierReceive, .dossierTransition, .dossierGet, .eventsStats])
        let params: [any WorkflowParams.Type] = [
            SessionHelloParams.self, EventsPublishParams.self, DossierLookupParams.self, PrintDocumentParams.self,
            DisplayNoticeParams.self, PingParams.self, DossierReceiveParams.self, DossierTransitionParams.self,
            DossierGetParams.self, EventsStatsParams.self,
        ]
        #expect(params.map { $0.method } == WorkflowMethod.allCases)
    }

    @Test("a typed result comes out of a response; an error response throws its error")
    func decodeResult() throws {
        let response = RPCResponse(id: 1, result: ["protocol": 1, "acked_seq": 12, "later": "ignored"])
        #expect(try response.decodeResult(for: SessionHelloParams.self) == SessionHelloResult(ackedSeq: 12))
        let failed = RPCResponse(id: 1, error: .protocolMismatch(offered: 2))
        #expect(throws: RPCError.protocolMismatch(offered: 2)) { try failed.decodeResult(for: SessionHelloParams.self) }
        let malformed = RPCResponse(id: 1, result: ["protocol": 1])
        do {
            _ = try malformed.decodeResult(for: SessionHelloParams.self)
            Issue.record("a result without acked_seq was accepted")
        } catch {
            #expect(error.code == .internalError)
            #expect(error.message == "Invalid result: missing \"acked_seq\"")
            #expect(error.data == ["field": "acked_seq"])
        }
        #expect(try RPCResponse(id: 2, result: [:]).decodeResult(for: PingParams.self) == EmptyResult())
        #expect(try RPCResponse(id: 3, result: ["status_code": 2]).decodeResult(for: DossierReceiveParams.self) == ["status_code": 2])
    }
}
