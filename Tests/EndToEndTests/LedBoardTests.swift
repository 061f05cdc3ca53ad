import CupsTestSupport
import Foundation
import Testing

/// LED counter boards driven by the real daemon over pseudo-terminals joined by socat (TESTING.md,
/// "Serial boards"): the bytes each call writes, the blank on close, unplugging and plugging back in.
@Suite("LED counter boards on a serial line, end to end")
struct LedBoardTests {
    /// The frame a generic RS-485 board (Devices/boards/generic-rs485-stx-xor.json) expects, written out
    /// here from its seller's description rather than taken from motcua: STX, the address, four characters
    /// right-aligned, ETX, the XOR of everything after STX.
    static func frame(address: UInt8, _ text: String) -> [UInt8] {
        let padded = String(repeating: " ", count: max(0, 4 - text.count)) + text
        let body = [address] + Array(padded.utf8) + [0x03]
        return [0x02] + body + [body.reduce(0, ^)]
    }

    static func config(_ pair: SerialBoardPair) -> String {
        DaemonProcess.config + """

            boards:
              - {path: \(pair.daemonPath), counter: 1, profile: generic-rs485-stx-xor, address: 1}
              - {path: \(pair.daemonPath), counter: 2, address: 2}
            """
    }

    static func boardDevices(_ daemon: DaemonProcess) throws -> [[String: Any]] {
        let run = try daemon.cli(["devices", "--json"])
        #expect(run.status == 0, "motcua devices: \(run.stderr)")
        let list = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        return list.filter { $0["kind"] as? String == "display_board" }
    }

    @Test("each call shows its number on the counter's board, a recall shows it again, closing blanks it")
    func callsShowOnTheBoard() async throws {
        let pair = try SerialBoardPair()
        try await pair.plugIn()
        let daemon = try DaemonProcess(config: Self.config(pair))
        try await daemon.start()

        // At start both counters are closed: both boards are blanked.
        #expect(try await pair.frames(2) == [Self.frame(address: 1, ""), Self.frame(address: 2, "")])

        #expect(try await daemon.controlPost("/api/v1/counters/1/open").status == 200)
        let first = try await daemon.post("/api/v1/tickets", json: ["service": "HT"]).object["number"] as? String
        let second = try await daemon.post("/api/v1/tickets", json: ["service": "HT"]).object["number"] as? String
        #expect(first == "A001" && second == "A002")

        #expect(try await daemon.controlPost("/api/v1/counters/1/next").status == 200)
        #expect(try await pair.frames(1) == [Self.frame(address: 1, "A001")])
        #expect(try await daemon.controlPost("/api/v1/counters/1/recall").status == 200)
        #expect(try await pair.frames(1) == [Self.frame(address: 1, "A001")], "a recall sends the number again")
        #expect(try await daemon.controlPost("/api/v1/counters/1/done").status == 200)
        #expect(try await daemon.controlPost("/api/v1/counters/1/next").status == 200)
        #expect(try await pair.frames(1) == [Self.frame(address: 1, "A002")])

        let boards = try Self.boardDevices(daemon)
        #expect(boards.count == 2)
        let one = try #require(boards.first { $0["role"] as? String == "counter 1" })
        #expect(one["id"] as? String == pair.daemonPath + "#1")
        #expect(one["state"] as? String == "ok")
        #expect((one["detail"] as? String)?.contains("A002") == true)

        // The board keeps the last number while the clerk finishes; closing the counter blanks it.
        #expect(try await daemon.controlPost("/api/v1/counters/1/done").status == 200)
        #expect(try await daemon.controlPost("/api/v1/counters/1/close").status == 200)
        #expect(try await pair.frames(1) == [Self.frame(address: 1, "")], "a closed counter's board is blank")
        #expect(try await pair.leftover() == [], "nothing else was written: board 2 still blank, no repeats")
        try await daemon.stop()
        await pair.unplug()
    }

    @Test("an unplugged board is an incident and device.disconnected; plugged back in, it shows its counter's number at once")
    func unplugAndReplug() async throws {
        let pair = try SerialBoardPair()
        try await pair.plugIn()
        let daemon = try DaemonProcess(config: Self.config(pair))
        try await daemon.start()
        #expect(try await pair.frames(2).count == 2)

        await pair.unplug()
        let gone = try await eventually("the boards listed as disconnected") { () -> [[String: Any]]? in
            let boards = try Self.boardDevices(daemon)
            return boards.allSatisfy({ $0["state"] as? String == "disconnected" }) ? boards : nil
        }
        #expect((gone.first?["detail"] as? String)?.contains(pair.daemonPath) == true, "the reason names the port: \(gone)")
        #expect(try await daemon.metric("motcua_devices{kind=\"display_board\",state=\"disconnected\"}") == 2)
        let opened = try PrintingTests.incidents(daemon).filter { $0["device"] as? String == pair.daemonPath }
        #expect(opened.count == 1, "one incident for the line, not one per board or per retry: \(opened)")
        #expect(opened.first?["ended_at"] is NSNull || opened.first?["ended_at"] == nil)
        #expect((opened.first?["cause"] as? String)?.contains("Bảng LED quầy 1, 2") == true)

        // The queue goes on without the board: counter 2 calls while it is away.
        #expect(try await daemon.controlPost("/api/v1/counters/2/open").status == 200)
        #expect(try await daemon.post("/api/v1/tickets", json: ["service": "CT"]).status == 201)
        let called = try await daemon.controlPost("/api/v1/counters/2/next")
        #expect(called.status == 200)
        #expect(called.object["number"] as? String == "B001")

        // Back: the daemon reopens the port by itself and sends what each board should show now.
        try await pair.plugIn()
        let frames = try await pair.frames(2, within: .seconds(15))
        #expect(Set(frames) == [Self.frame(address: 1, ""), Self.frame(address: 2, "B001")])
        let back = try await eventually("the boards listed as ok again") { () -> [[String: Any]]? in
            let boards = try Self.boardDevices(daemon)
            return boards.allSatisfy({ $0["state"] as? String == "ok" }) ? boards : nil
        }
        #expect(back.count == 2)
        #expect(try await daemon.metric("motcua_devices{kind=\"display_board\",state=\"ok\"}") == 2)
        let closed = try PrintingTests.incidents(daemon).filter { $0["device"] as? String == pair.daemonPath }
        #expect(closed.count == 1)
        #expect(closed.first?["ended_at"] is String, "the incident has its end: \(closed)")

        let events = try PrintingTests.deviceEvents(daemon)
        #expect(events.map(\.type) == ["device.disconnected", "device.connected"], "\(events.map(\.type))")
        #expect(events.allSatisfy { $0.data["device"] as? String == pair.daemonPath && $0.data["device_kind"] as? String == "display_board" })
        try await daemon.stop()
        await pair.unplug()
    }

    @Test("a board on a counter the office does not have, or with an unknown profile, stops the start naming the key")
    func badBoardConfiguration() async throws {
        for (board, words) in [
            ("{path: /dev/serial/by-id/usb-x, counter: 9}", "boards[0].counter: the office has no counter 9"),
            ("{path: /dev/serial/by-id/usb-x, counter: 1, profile: no-such-board}", "boards[0].profile: no board profile \"no-such-board\""),
        ] {
            let daemon = try DaemonProcess(config: DaemonProcess.config + "\nboards:\n  - \(board)\n")
            let check = try DaemonProcess.run(["config", "check", "--config", daemon.configFile.path])
            #expect(check.status == 1)
            #expect(check.stderr.contains(words), "config check: \(check.stderr)")
            await #expect(throws: (any Error).self) { try await daemon.start() }
            #expect(daemon.logText().contains(words), "the start says why: \(daemon.logText())")
        }
    }
}
