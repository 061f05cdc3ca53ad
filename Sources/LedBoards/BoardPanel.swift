import DeviceProfiles
import Foundation
import Logging
import MotCuaConfig
import QueueCore
import QueueService
import Serial

/// The state of every board line, changed one step at a time: what to show, the ports, their incidents.
actor BoardPanel {
    private var lines: [BoardLine]
    private let engine: QueueEngine
    private let outages: DeviceOutages
    private let logger: Logger

    init(lines: [BoardLine], engine: QueueEngine, outages: DeviceOutages, logger: Logger) {
        self.lines = lines
        self.engine = engine
        self.outages = outages
        self.logger = logger
    }

    /// What each counter's board should show now: its called number, blank when it or the day is closed,
    /// or the last number while it serves no one (nil: keep what is shown).
    private func wanted() async -> [Int: String?] {
        await engine.read { state -> [Int: String?] in
            var wanted: [Int: String?] = [:]
            for (number, counter) in state.counters {
                if state.status.phase != .open || counter.state == .closed {
                    wanted[number] = .some("")
                } else if let id = counter.currentTicket, let ticket = state.tickets[id] {
                    wanted[number] = .some(ticket.number)
                } else {
                    wanted[number] = .none
                }
            }
            return wanted
        }
    }

    /// Sends every board whose counter's number changed its frame (with `resend`, every board showing a
    /// number: a recall shows it again, and a board that was switched off and on gets it back); opens ports
    /// that are closed.
    func refresh(resend: Bool = false) async {
        let wanted = await wanted()
        for index in lines.indices {
            if lines[index].port == nil { await open(index) }
            guard lines[index].port != nil else { continue }
            for boardIndex in lines[index].boards.indices {
                let board = lines[index].boards[boardIndex]
                guard let target = wanted[board.configured.counter] else { continue }
                let text = target.map { board.encoder.displayed($0) } ?? board.shown ?? board.encoder.displayed("")
                let again = resend && target.map { !$0.isEmpty } == true
                guard text != board.shown || again else { continue }
                let frame = target.map { board.encoder.show($0, address: board.configured.address) }
                    ?? board.encoder.clear(address: board.configured.address)
                guard await send(frame, on: index) else { break }
                lines[index].boards[boardIndex].shown = text
            }
        }
        publishCounts()
    }

    /// Notices a line whose device node went away while nothing was sent (an unplugged adapter), and
    /// tries the lines that went away again; one that opens is shown its numbers at once.
    func check() async {
        for index in lines.indices where lines[index].port != nil && !FileManager.default.fileExists(atPath: lines[index].path) {
            lines[index].port = nil
            await lost(index, reason: "\(lines[index].path): không còn cổng này, đã rút ra? (gone, unplugged?)")
        }
        guard lines.contains(where: { $0.port == nil }) else { return publishCounts() }
        await refresh()
    }

    /// `motcua_devices{kind="display_board",state}`: how many boards are on an open line, how many not.
    func publishCounts() {
        let boards = lines.flatMap { line in line.boards.map { _ in line.port != nil } }
        engine.metrics.setDevices(kind: "display_board", counts: [
            "ok": boards.count { $0 }, "disconnected": boards.count { !$0 },
        ])
    }

    func snapshots() -> [BoardSnapshot] {
        lines.flatMap { line in
            line.boards.map {
                BoardSnapshot(
                    path: line.path, address: $0.configured.address, counter: $0.configured.counter,
                    model: "\($0.profile.vendor) \($0.profile.model)", connected: line.port != nil, problem: line.problem,
                    showing: $0.shown
                )
            }
        }
    }

    private func open(_ index: Int) async {
        let path = lines[index].path
        do {
            lines[index].port = try SerialPort(path: path, settings: lines[index].settings)
        } catch {
            await lost(index, reason: error.description)
            return
        }
        lines[index].problem = nil
        for board in lines[index].boards.indices { lines[index].boards[board].shown = nil }
        logger.notice("LED board line open", metadata: ["path": "\(path)"])
        await outages.back(path, kind: "display_board")
    }

    private func send(_ frame: [UInt8], on index: Int) async -> Bool {
        guard let port = lines[index].port else { return false }
        do {
            try port.write(frame)
            return true
        } catch {
            lines[index].port = nil
            await lost(index, reason: error.description)
            return false
        }
    }

    /// The line at `index` is gone: once per outage, an incident and `device.disconnected`.
    private func lost(_ index: Int, reason: String) async {
        lines[index].problem = reason
        let path = lines[index].path
        let counters = lines[index].boards.map { String($0.configured.counter) }.joined(separator: ", ")
        await outages.lost(path, kind: "display_board", cause: "Bảng LED quầy \(counters) (\(path)): \(reason)", reason: reason)
    }
}
