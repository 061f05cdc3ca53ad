import Foundation
import Testing

/// Dossiers at the real `motcua workflow serve`: transitions, appointments of dossiers received by hand,
/// the status-9 notice to greeted daemons (see WorkflowNoticeTests for daemons away), and the
/// `motcua workflow` client commands.
@Suite("Dossiers at the reference workflow core")
struct WorkflowDossierTests {
    /// The test clock of `motcua workflow serve` (a test hook; see WorkflowServeCommand.testClock).
    static let nowVariable = "MOTCUA_WORKFLOW_NOW"

    /// The JSON text of a request.
    static func request(_ method: String, _ params: [String: Any], id: Any = 1) throws -> String {
        let object: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method, "params": params]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func result(_ answer: [String: Any]) throws -> [String: Any] {
        try #require(answer["result"] as? [String: Any], "expected a result: \(answer)")
    }

    static func error(_ answer: [String: Any]) throws -> [String: Any] {
        try #require(answer["error"] as? [String: Any], "expected an error: \(answer)")
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    /// Receives a dossier over `client` and returns its code.
    static func receive(_ client: LineSocket, applicant: String = "Nguyễn Văn An", days: Int = 2) throws -> String {
        let answer = try client.call(request("dossier.receive", [
            "procedure": "Chứng thực bản sao từ bản chính", "applicant": applicant, "processing_days": days,
        ]))
        return try #require(try result(answer)["code"] as? String)
    }

    @Test("an illegal transition is -32004 naming both statuses, over the socket and from the CLI; the dossier is unchanged")
    func illegalTransition() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start()
        let client = try LineSocket(path: core.socketPath)
        let code = try Self.receive(client)

        let refused = try Self.error(client.call(Self.request("dossier.transition", ["code": code, "status_code": 10])))
        #expect(refused["code"] as? Int == -32004)
        let message = try #require(refused["message"] as? String)
        #expect(message.contains("Được tiếp nhận") && message.contains("Đã trả kết quả"), "names both statuses: \(message)")

        let cli = try DaemonProcess.run(["workflow", "transition", code, "9", "--socket", core.socketPath])
        #expect(cli.status == 1)
        #expect(cli.stdout.isEmpty)
        #expect(cli.stderr.hasPrefix("motcua workflow: "), "stderr: \(cli.stderr)")
        #expect(cli.stderr.contains("Được tiếp nhận") && cli.stderr.contains("Đã xử lý xong"), "stderr: \(cli.stderr)")

        let dossier = try Self.result(client.call(Self.request("dossier.get", ["code": code])))
        #expect(dossier["status"] as? Int == 2)
        #expect((dossier["history"] as? [Any])?.count == 1, "no change recorded: \(dossier)")
        #expect(try await core.stop() == 0)
    }

    /// A dossier received by hand: the core's clock (`now`), the receipt, the processing days and the
    /// appointment expected from DOMAIN.md's rule (N × 8 working hours from the receipt over 07:30–11:30 and
    /// 13:30–17:30, Monday–Friday, days off and compensating Saturdays from Calendars/holidays-vn.json,
    /// rounded up to 15 minutes).
    struct Appointment: Sendable, CustomTestStringConvertible {
        let name: String
        let now: String
        let receivedAt: String
        let days: Int
        let dueAt: String
        var testDescription: String { name }
    }

    static let appointments: [Appointment] = [
        // Friday 27/11/2026 14:07: 3 h 23 min to 17:30; Saturday and Sunday skipped; Monday 30/11: 4 h from
        // 07:30 to 11:30 (7 h 23 min), the last 37 min from 13:30 → 14:07, rounded up to the quarter → 14:15.
        Appointment(name: "weekend skipped, rounded up", now: "2026-11-30T08:00:00+07:00",
                    receivedAt: "2026-11-27T14:07:00+07:00", days: 1, dueAt: "2026-11-30T14:15:00.000+07:00"),
        // Friday 29/8/2025 15:00: 2 h 30 min to 17:30; Sat 30/8 and Sun 31/8 off; Mon 1/9 and Tue 2/9 Quốc khánh
        // (days off in the table); Wed 3/9: 4 h in the morning (6 h 30 min), 1 h 30 min from 13:30 → 15:00.
        Appointment(name: "Quốc khánh 2025 skipped", now: "2025-09-03T08:00:00+07:00",
                    receivedAt: "2025-08-29T15:00:00+07:00", days: 1, dueAt: "2025-09-03T15:00:00.000+07:00"),
        // Friday 13/2/2026 10:00: 1 h 30 min to 11:30 and 4 h in the afternoon (5 h 30 min); Tết Bính Ngọ 16–20/2
        // with the weekends around it, 14/2–22/2, skipped; Mon 23/2: 2 h 30 min from 07:30 → 10:00.
        Appointment(name: "Tết 2026 skipped", now: "2026-02-19T09:00:00+07:00",
                    receivedAt: "2026-02-13T10:00:00+07:00", days: 1, dueAt: "2026-02-23T10:00:00.000+07:00"),
        // Friday 21/8/2026 15:00: 2 h 30 min; Saturday 22/8/2026 is a compensating working day (for Monday
        // 31/8) with the weekday shifts: 4 h in the morning (6 h 30 min), 1 h 30 min from 13:30 → 15:00, Saturday.
        Appointment(name: "compensating Saturday 22/8/2026 worked", now: "2026-08-24T08:00:00+07:00",
                    receivedAt: "2026-08-21T15:00:00+07:00", days: 1, dueAt: "2026-08-22T15:00:00.000+07:00"),
        // Friday 28/8/2026 15:00: 2 h 30 min; Sat 29/8, Sun 30/8 off; Mon 31/8 off (swapped for 22/8); Tue 1/9 and
        // Wed 2/9 Quốc khánh; Thu 3/9: 4 h in the morning (6 h 30 min), 1 h 30 min from 13:30 → 15:00.
        Appointment(name: "swapped Monday and Quốc khánh 2026 skipped", now: "2026-09-03T08:00:00+07:00",
                    receivedAt: "2026-08-28T15:00:00+07:00", days: 1, dueAt: "2026-09-03T15:00:00.000+07:00"),
        // Friday 25/4/2025 15:00, 2 days (16 h): 2 h 30 min on Friday; Saturday 26/4/2025 is a compensating
        // working day (for Friday 2/5): 8 h (10 h 30 min); Sunday off; Mon 28/4: 4 h in the morning (14 h 30 min),
        // 1 h 30 min from 13:30 → 15:00.
        Appointment(name: "compensating Saturday 26/4/2025, 2 days", now: "2025-04-29T08:00:00+07:00",
                    receivedAt: "2025-04-25T15:00:00+07:00", days: 2, dueAt: "2025-04-28T15:00:00.000+07:00"),
    ]

    @Test("dossier.receive with received_at computes the appointment over the holiday table", arguments: appointments)
    func appointment(_ sample: Appointment) async throws {
        let core = try WorkflowCoreProcess()
        try await core.start(environment: [Self.nowVariable: sample.now])
        #expect(core.logText().contains("test clock in use"), "the test hook is logged: \(core.logText())")
        let client = try LineSocket(path: core.socketPath)
        let dossier = try Self.result(client.call(Self.request("dossier.receive", [
            "procedure": "Đăng ký thường trú", "applicant": "Hoàng Văn Dũng", "processing_days": sample.days,
            "received_at": sample.receivedAt,
        ])))
        #expect(dossier["due_at"] as? String == sample.dueAt)
        #expect(dossier["status"] as? Int == 2)
        let code = try #require(dossier["code"] as? String)
        let day = sample.receivedAt.prefix(10).replacingOccurrences(of: "-", with: "").dropFirst(2)
        #expect(code.contains("-\(day)-"), "the code carries the day received: \(code)")
        let lookup = try Self.result(client.call(Self.request("dossier.lookup", ["code": code])))
        #expect(lookup["due_at"] as? String == sample.dueAt)
        #expect(try await core.stop() == 0)
    }

    @Test("received_at more than 7 days old or in the future is -32602 naming the field")
    func receivedAtRefused() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start(environment: [Self.nowVariable: "2026-11-30T08:00:00+07:00"])
        let client = try LineSocket(path: core.socketPath)
        for text in ["2026-11-22T08:00:00+07:00", "2026-12-01T08:00:00+07:00", "27/11/2026"] {
            let error = try Self.error(client.call(Self.request("dossier.receive", [
                "procedure": "P", "applicant": "A", "processing_days": 1, "received_at": text,
            ])))
            #expect(error["code"] as? Int == -32602)
            #expect((error["data"] as? [String: String])?["field"] == "received_at", "\(error)")
        }
        let cli = try DaemonProcess.run([
            "workflow", "receive", "--socket", core.socketPath, "--procedure", "P", "--applicant", "A",
            "--received-at", "2026-11-20T08:00:00+07:00",
        ])
        #expect(cli.status == 1)
        #expect(cli.stderr.contains("received_at") && cli.stderr.contains("7 ngày"), "stderr: \(cli.stderr)")
        #expect(try await core.stop() == 0)
    }

    @Test("status 9 sends display.notice to every greeted daemon, masked, and to no other connection")
    func readyNotice() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start()
        let daemon = try LineSocket(path: core.socketPath)
        #expect(try Self.result(daemon.call(WorkflowServeTests.hello))["acked_seq"] as? Int == 0)
        let second = try LineSocket(path: core.socketPath)
        let hello2 = #"{"jsonrpc":"2.0","id":1,"method":"session.hello","params":{"protocol":1,"site":"e2e","daemon_id":"d-2"}}"#
        #expect(try Self.result(second.call(hello2))["protocol"] as? Int == 1)
        let bystander = try LineSocket(path: core.socketPath)
        #expect(try bystander.call(WorkflowServeTests.ping)["result"] as? [String: Int] == [:])

        let clerk = try LineSocket(path: core.socketPath)
        let code = try Self.receive(clerk, applicant: "Nguyễn Văn An")
        #expect(try Self.result(clerk.call(Self.request("dossier.transition", ["code": code, "status_code": 4])))["status"] as? Int == 4)
        let finished = try Self.result(clerk.call(Self.request("dossier.transition", ["code": code, "status_code": 9], id: 2)))
        #expect(finished["status"] as? Int == 9, "the clerk's answer is the dossier, as before")

        var ids: [String] = []
        for (socket, answer) in [(daemon, #"{"result":{}}"#), (second, #"{"error":{"code":-32002,"message":"display unplugged"}}"#)] {
            let line = try #require(try socket.readLine(), "the greeted daemon got a line")
            let notice = try Self.json(String(decoding: line, as: UTF8.self))
            #expect(notice["method"] as? String == "display.notice")
            let id = try #require(notice["id"] as? String, "a request with a string id: \(notice)")
            ids.append(id)
            let params = try #require(notice["params"] as? [String: Any])
            #expect(params["kind"] as? String == "dossier_ready")
            #expect(params["code"] as? String == code)
            let masked = try #require(params["applicant_masked"] as? String)
            #expect(masked.contains("*") && !masked.contains("Văn") && masked != "Nguyễn Văn An", "masked: \(masked)")
            #expect(params["counter"] == nil, "the core knows no counter")
            // The daemon answers; the core takes the answer without answering it back.
            try socket.send(Array(#"{"jsonrpc":"2.0","id":"\#(id)",\#(answer.dropFirst())"#.utf8) + [UInt8(ascii: "\n")])
            #expect(try socket.call(WorkflowServeTests.ping)["id"] as? String == "p", "the next line is the ping's answer")
        }
        #expect(ids == ["n-1", "n-1"], "one notice, so one id (n-<notice id>), to each daemon")
        #expect(try bystander.call(WorkflowServeTests.ping)["id"] as? String == "p", "a connection without hello got no notice")
        #expect(try clerk.call(WorkflowServeTests.ping)["id"] as? String == "p", "nor did the clerk's")
        let log = core.logText()
        #expect(log.contains("display notice sent"), "\(log)")
        #expect(log.contains("a daemon refused a request of the core") && log.contains("display unplugged"), "\(log)")
        #expect(core.isRunning)
        #expect(try await core.stop() == 0)
    }

    @Test("motcua workflow receive, transition, get and stats: human output and --json")
    func commandLine() async throws {
        let core = try WorkflowCoreProcess()
        try await core.start(environment: [Self.nowVariable: "2026-11-30T08:00:00+07:00"])
        let socket = ["--socket", core.socketPath]

        // Friday 27/11/2026 14:07 + 1 working day → Monday 30/11 14:15 (see the appointment cases above).
        let received = try DaemonProcess.run([
            "workflow", "receive", "--procedure", "Chứng thực bản sao từ bản chính", "--applicant", "Lê Thị Hoa",
            "--unit", "UBND phường Thắng Tam", "--days", "1", "--received-at", "2026-11-27T14:07:00+07:00",
        ] + socket)
        #expect(received.status == 0, "stderr: \(received.stderr)")
        #expect(received.stdout == "Đã tiếp nhận. Hồ sơ 000.00.19.H47-261127-0001: Được tiếp nhận, hẹn trả 30/11/2026 14:15\n")
        let code = "000.00.19.H47-261127-0001"

        let chosen = try DaemonProcess.run([
            "workflow", "receive", "--procedure", "Đăng ký khai sinh", "--applicant", "Trần Bình", "--code",
            "000.00.19.H47-261130-0042", "--json",
        ] + socket)
        #expect(chosen.status == 0, "stderr: \(chosen.stderr)")
        let chosenJSON = try Self.json(chosen.stdout)
        #expect(chosenJSON["code"] as? String == "000.00.19.H47-261130-0042")
        #expect(chosenJSON["status"] as? Int == 2)
        #expect(chosenJSON["processing_days"] as? Int == 1, "--days defaults to 1")
        #expect(chosenJSON["applicant"] as? String == "Trần Bình")

        // --state-dir finds STATE_DIR/workflow.sock.
        let moved = try DaemonProcess.run(["workflow", "transition", code, "4", "--note", "Chuyển xử lý", "--state-dir", core.stateDir.path])
        #expect(moved.status == 0, "stderr: \(moved.stderr)")
        #expect(moved.stdout == "Hồ sơ \(code): Đang xử lý, hẹn trả 30/11/2026 14:15\n")
        let movedJSON = try DaemonProcess.run(["workflow", "transition", code, "9", "--json"] + socket)
        #expect(try Self.json(movedJSON.stdout)["status"] as? Int == 9)

        let shown = try DaemonProcess.run(["workflow", "get", code] + socket)
        #expect(shown.status == 0, "stderr: \(shown.stderr)")
        for line in [
            "Hồ sơ \(code): Đã xử lý xong, hẹn trả 30/11/2026 14:15", "Thủ tục: Chứng thực bản sao từ bản chính",
            "Người nộp: Lê Thị Hoa", "Đơn vị tiếp nhận: UBND phường Thắng Tam", "Tiếp nhận lúc: 27/11/2026 14:07",
            "27/11/2026 14:07  Được tiếp nhận", "Được tiếp nhận → Đang xử lý (Chuyển xử lý)", "Đang xử lý → Đã xử lý xong",
        ] {
            #expect(shown.stdout.contains(line), "missing \(line) in:\n\(shown.stdout)")
        }
        let shownJSON = try Self.json(try DaemonProcess.run(["workflow", "get", code, "--json"] + socket).stdout)
        #expect((shownJSON["history"] as? [Any])?.count == 3)

        let daemon = try LineSocket(path: core.socketPath)
        _ = try daemon.call(WorkflowServeTests.hello)
        #expect(try Self.result(daemon.call(WorkflowServeTests.events(1...2)))["acked_seq"] as? Int == 2)
        let stats = try DaemonProcess.run(["workflow", "stats", "--daemon-id", "d-e2e"] + socket)
        #expect(stats.stdout == "Sự kiện từ d-e2e: đã nhận 2, đã lưu 2, trùng 0, seq cuối 2\n", "stderr: \(stats.stderr)")
        let statsJSON = try DaemonProcess.run(["workflow", "stats", "--json"] + socket)
        #expect(try Self.json(statsJSON.stdout) as? [String: Int] == ["received": 2, "stored": 2, "duplicates": 0, "last_seq": 2])

        let missing = try DaemonProcess.run(["workflow", "get", "000.00.19.H47-261130-0999"] + socket)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("motcua workflow: ") && missing.stderr.contains("000.00.19.H47-261130-0999"), "\(missing.stderr)")

        let badStatus = try DaemonProcess.run(["workflow", "transition", code, "11"] + socket)
        #expect(badStatus.status == 2, "bad arguments exit 2: \(badStatus.stderr)")
        let badCode = try DaemonProcess.run(["workflow", "get", "not-a-code"] + socket)
        #expect(badCode.status == 2)
        let badTime = try DaemonProcess.run(["workflow", "receive", "--procedure", "P", "--applicant", "A", "--received-at", "hôm qua"] + socket)
        #expect(badTime.status == 2)

        #expect(try await core.stop() == 0)
        let down = try DaemonProcess.run(["workflow", "stats"] + socket)
        #expect(down.status == 1)
        #expect(down.stderr.contains("không kết nối được") && down.stderr.contains(core.socketPath), "stderr: \(down.stderr)")
    }
}
