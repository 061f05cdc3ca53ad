import CupsTestSupport
import EscPos
import Foundation
import Testing

/// `print.document` from a workflow core (a scripted peer on the workflow socket: the reference core does
/// not send it by itself) printed by the real daemon through a private cupsd: an A5 receipt as PDF on the
/// office printer, a receipt as ESC/POS on a ticket printer, and the errors the contract names.
/// (`receipt` is `nonisolated(unsafe)`: a constant JSON object, never mutated.)
@Suite("Documents the workflow core asks for, printed through CUPS")
struct DocumentPrintingTests {
    nonisolated(unsafe) static let receipt: [String: Any] = [
        "code": "000.00.19.H47-261203-0007", "procedure": "Đăng ký khai sinh", "applicant": "Nguyễn Văn An",
        "unit": "UBND phường Bến Thành", "received_at": "2026-12-03T08:05:00+07:00", "due_at": "2026-12-05T16:30:00+07:00",
        "fee_due": 50000, "documents": [["name": "Tờ khai đăng ký khai sinh", "copies": 1], ["name": "Giấy chứng sinh", "copies": 1]],
        "clerk": "Trần Thị Bình",
    ]

    /// Runs `body` with a daemon on `cups` whose workflow socket is held by a scripted peer that has said hello.
    static func withPeer(
        _ cups: PrivateCups, printers: String, _ body: @escaping @Sendable (PeerConnection) throws -> [String: [String: Any]]
    ) async throws -> [String: [String: Any]] {
        let core = try WorkflowCoreProcess()
        let listener = try UnixListener(path: core.socketPath)
        defer { listener.close() }
        let daemon = try DaemonProcess(config: PrintingTests.config(printers: printers))
        try await daemon.start(["--workflow-socket", core.socketPath], environment: ["CUPS_SERVER": "localhost:\(cups.port)"])
        let answers = try await offThread { () throws -> WorkflowLinkTests.Frames in
            guard let fd = listener.accept(timeout: 10) else { throw E2EError("the daemon did not connect within 10 s") }
            let peer = PeerConnection(fd: fd, readTimeout: 30)
            defer { peer.close() }
            let hello = try peer.nextRequest()
            let reply = try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": hello["id"] ?? 0, "result": ["protocol": 1, "acked_seq": 0]])
            try peer.send(String(decoding: reply, as: UTF8.self) + "\n")
            return WorkflowLinkTests.Frames(try body(peer))
        }
        try await daemon.stop()
        return answers.value
    }

    /// Sends one print.document request and returns the daemon's answer.
    static func ask(_ peer: PeerConnection, id: String, _ params: [String: Any]) throws -> [String: Any] {
        let frame = try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": id, "method": "print.document", "params": params])
        try peer.send(String(decoding: frame, as: UTF8.self) + "\n")
        return try peer.nextResponse()
    }

    @Test("a receipt on the office printer arrives as an A5 PDF whose page shows the dossier; errors for a bad request")
    func receiptAsPDF() async throws {
        try await PrivateCups.with { cups in
            let printer = try await cups.addCapturedQueue("van-phong")
            let answers = try await Self.withPeer(cups, printers: "  - {queue: van-phong, role: document}") { peer in
                [
                    "receipt": try Self.ask(peer, id: "r", ["template": "receipt", "data": Self.receipt]),
                    "unknown-template": try Self.ask(peer, id: "t", ["template": "khong-co", "data": [:] as [String: Any]]),
                    "bad-name": try Self.ask(peer, id: "b", ["template": "../../etc/passwd", "data": [:] as [String: Any]]),
                    "no-ticket-printer": try Self.ask(peer, id: "k", ["printer": "ticket", "template": "receipt", "data": Self.receipt]),
                    "unknown-role": try Self.ask(peer, id: "u", ["printer": "fax", "template": "receipt", "data": Self.receipt]),
                    "copies": try Self.ask(peer, id: "c", ["template": "receipt", "data": Self.receipt, "copies": 50]),
                ]
            }
            let job = (answers["receipt"]?["result"] as? [String: Any])?["job"] as? String
            #expect(job.flatMap(Int.init) != nil, "\(answers["receipt"] ?? [:])")
            func error(_ name: String) -> (code: Int?, message: String) {
                let error = answers[name]?["error"] as? [String: Any]
                return (error?["code"] as? Int, "\(error?["message"] ?? "")")
            }
            #expect(error("unknown-template").code == -32602)
            #expect(error("unknown-template").message.contains("khong-co"))
            #expect(error("bad-name").code == -32602)
            #expect(error("no-ticket-printer").code == -32002)
            #expect(error("unknown-role").code == -32602)
            #expect(error("unknown-role").message.contains("fax"))
            #expect(error("copies").code == -32602)

            let pdf = try await printer.waitForBytes(2000)
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("artifacts/printing")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("receipt-a5.pdf")
            try Data(pdf).write(to: file)
            let info = try runCapturing(URL(fileURLWithPath: "/usr/bin/pdfinfo"), [file.path])
            #expect(info.stdout.contains("Pages:           1"), "\(info.stdout)")
            #expect(info.stdout.contains("419.53 x 595.28 pts"), "A5: \(info.stdout)")
            // The page, drawn back by poppler, is saved to look at; it has ink where the text is.
            let png = file.deletingPathExtension()
            let drawn = try runCapturing(URL(fileURLWithPath: "/usr/bin/pdftoppm"), ["-r", "100", "-png", "-singlefile", file.path, png.path])
            #expect(drawn.status == 0, "\(drawn.stderr)")
            let size = (try? FileManager.default.attributesOfItem(atPath: png.path + ".png")[.size] as? Int) ?? 0
            #expect(size > 5000)
        }
    }

    @Test("a receipt asked of the ticket printer prints as ESC/POS with the code in its QR and a cut")
    func receiptOnThermal() async throws {
        try await PrivateCups.with { cups in
            let printer = try await cups.addCapturedQueue("kiosk-1")
            let answers = try await Self.withPeer(cups, printers: "  - {queue: kiosk-1, role: ticket, profile: epson-tm-t88}") { peer in
                ["receipt": try Self.ask(peer, id: "r", ["printer": "ticket", "template": "receipt", "data": Self.receipt, "copies": 2])]
            }
            #expect((answers["receipt"]?["result"] as? [String: Any])?["job"] is String, "\(answers)")
            let bytes = try await printer.waitForBytes(2000)
            let commands = try EscPosParser().parseStrictly(bytes)
            #expect(commands.filter { $0 == .qrStore(Array("000.00.19.H47-261203-0007".utf8)) }.count == 2, "two copies")
            #expect(commands.filter { $0 == .feedAndCut(.partial, feed: 3) }.count == 2)
        }
    }

    @Test("a dossier received with --print-receipt at the embedded core is printed on the office's document printer")
    func receiveWithReceipt() async throws {
        try await PrivateCups.with { cups in
            let printer = try await cups.addCapturedQueue("van-phong")
            let daemon = try DaemonProcess(config: PrintingTests.config(printers: "  - {queue: van-phong, role: document}"))
            try await daemon.start(environment: ["CUPS_SERVER": "localhost:\(cups.port)"])
            try #require(try await daemon.waitForMetric("motcua_workflow_connected", within: 15) { $0 == 1 } == 1)
            let run = try PrintingTests.motcua([
                "workflow", "receive", "--state-dir", daemon.stateDir.path, "--procedure", "Đăng ký khai sinh",
                "--applicant", "Nguyễn Văn An", "--days", "3", "--print-receipt", "--json",
            ], environment: [:])
            #expect(run.status == 0, "\(run.stderr)")
            let dossier = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
            let code = try #require(dossier["code"] as? String)
            let pdf = try await printer.waitForBytes(2000)
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            // The document's title names the receipt and its dossier.
            let file = daemon.stateDir.appendingPathComponent("receipt.pdf")
            try Data(pdf).write(to: file)
            let info = try runCapturing(URL(fileURLWithPath: "/usr/bin/pdfinfo"), [file.path])
            #expect(info.stdout.contains("Title:           receipt \(code)"), "\(info.stdout)")
            #expect(info.stdout.contains("Pages:           1"))
            try await daemon.stop()
            #expect(daemon.logText().contains("print request sent"), "the embedded core logs the request it sent")
        }
    }
}
