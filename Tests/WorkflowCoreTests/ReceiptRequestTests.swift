import Testing
import WorkflowCore
import WorkflowProtocol

/// `dossier.receive` with `print_receipt`: the core asks a daemon to print the receipt (Đ9: the reception
/// clerk prints the appointment slip), once, and only for a dossier actually received.
@Suite("Receipts asked of the daemon on receive")
struct ReceiptRequestTests {
    static func receive(_ core: CoreFixture, _ params: [String: JSONValue]) -> WorkflowCoreAnswer {
        var session = WorkflowSession(daemonID: "d1", site: "thang-tam")
        return core.handler.respond(to: RPCRequest(method: "dossier.receive", params: params, id: 1), session: &session)
    }

    @Test("print_receipt true: one print.document with the receipt template and the dossier as its data")
    func asksForTheReceipt() throws {
        let core = try CoreFixture(now: "2026-11-30 08:00")
        let answer = Self.receive(core, [
            "procedure": "Đăng ký khai sinh", "applicant": "Nguyễn Văn An", "processing_days": 3, "print_receipt": true,
        ])
        let dossier = try #require(answer.response?.result.value)
        #expect(answer.documents.count == 1)
        let document = try #require(answer.documents.first)
        #expect(document.template == "receipt")
        #expect(document.printer == nil, "the daemon's document printer")
        #expect(document.data["code"] == dossier["code"])
        #expect(document.data["applicant"] == "Nguyễn Văn An", "the receipt is the applicant's own: the full name")
        #expect(document.data["due_at"] == dossier["due_at"])
    }

    @Test("without print_receipt, or when the receive is refused, nothing is printed")
    func nothingElse() throws {
        let core = try CoreFixture(now: "2026-11-30 08:00")
        #expect(Self.receive(core, ["procedure": "P", "applicant": "A", "processing_days": 1]).documents.isEmpty)
        let refused = Self.receive(core, ["procedure": "P", "applicant": "A", "processing_days": -1, "print_receipt": true])
        #expect(refused.response?.result.failure != nil)
        #expect(refused.documents.isEmpty)
    }
}
