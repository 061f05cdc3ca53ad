import Cups
import CupsTestSupport
import Testing

/// The Swift layer against a real scheduler: each test starts its own private cupsd (see ``PrivateCups``).
@Suite("CUPS client against a private cupsd")
struct CupsClientTests {
    /// About 10 KB covering every byte value, with NULs and ESC (ESC/POS) runs.
    static let payload: [UInt8] = {
        var bytes: [UInt8] = [0x1B, 0x40, 0x00, 0x00, 0x1B, 0x74, 0x34]
        for index in 0..<10_240 { bytes.append(UInt8(truncatingIfNeeded: index &* 7 &+ index >> 8)) }
        bytes += [0x1D, 0x56, 0x00, 0x00, 0x1B]
        return bytes
    }()

    @Test("destinations list the queues with state, default and device URI")
    func listsDestinations() async throws {
        try await PrivateCups.with { cups in
            let ticket = try await cups.addCapturedQueue("ticket")
            try await cups.addRawQueue("slip", deviceURI: "socket://127.0.0.1:9")
            try await cups.setDefault("ticket")
            let destinations = try await cups.client.destinations()
            #expect(destinations.map(\.name) == ["slip", "ticket"])
            let first = try #require(destinations.first { $0.name == "ticket" })
            #expect(first.isDefault)
            #expect(first.state == .idle)
            #expect(first.status.isAcceptingJobs)
            #expect(first.deviceURI == "socket://127.0.0.1:\(ticket.port)")
            #expect(destinations.first { $0.name == "slip" }?.isDefault == false)
        }
    }

    @Test("a raw job's bytes reach the printer byte for byte and the job completes")
    func rawJobArrivesIntact() async throws {
        try await PrivateCups.with { cups in
            let printer = try await cups.addCapturedQueue("ticket")
            // A title with a space and a toned letter, as every ticket has: Debian 12's cupsd 2.4.2-3+deb12u10
            // dies starting a job whose document-name has a space (the client sends none).
            let id = try await cups.client.submitRaw(printer: "ticket", title: "Vé A001", bytes: Self.payload)
            #expect(id > 0)
            let received = try await printer.waitForBytes(Self.payload.count)
            #expect(received.count == Self.payload.count)
            #expect(received == Self.payload)
            let state = try await eventually("job \(id) to complete") { () async throws -> JobState? in
                let state = try await cups.client.jobState(id)
                return state.isFinal ? state : nil
            }
            #expect(state == .completed)
            #expect(try await cups.client.printerState("ticket").state == .idle)
        }
    }

    @Test("a job to a printer that does not exist fails with an error naming it")
    func missingPrinter() async throws {
        try await PrivateCups.with { cups in
            let error = await #expect(throws: CupsError.self) {
                try await cups.client.submitRaw(printer: "may-in-ve-3", title: "Vé A002", bytes: [0x1B, 0x40])
            }
            #expect(error?.code == .notFound)
            #expect(error?.operation == .submitJob)
            #expect(error?.printer == "may-in-ve-3")
            #expect(error?.description.contains("\"may-in-ve-3\"") == true)
            #expect(error?.message.isEmpty == false)

            let stateError = await #expect(throws: CupsError.self) { try await cups.client.printerState("may-in-ve-3") }
            #expect(stateError?.code == .notFound)
            #expect(stateError?.description.contains("may-in-ve-3") == true)
        }
    }

    @Test("an unreachable scheduler gives a connection error naming the server")
    func noScheduler() async throws {
        let client = CupsClient(host: "localhost", port: try LocalPort.free(), timeout: .seconds(2))
        let error = await #expect(throws: CupsError.self) { try await client.destinations() }
        #expect(error?.code == .connectionFailed || error?.code.rawValue == "server-error-service-unavailable")
        #expect(error?.description.contains(client.server) == true)
        #expect(error?.description.contains("Bad file descriptor") == false, "libcups's leftover errno says nothing: \(error?.description ?? "")")
    }

    @Test("an offline printer keeps its job processing and the queue says it is unavailable; it prints on recovery")
    func offlinePrinter() async throws {
        try await PrivateCups.with { cups in
            // The listener is started only later: until then nothing answers on the printer's port.
            let port = try LocalPort.free()
            try await cups.addRawQueue("ticket", deviceURI: "socket://127.0.0.1:\(port)")
            let id = try await cups.client.submitRaw(printer: "ticket", title: "Vé A003", bytes: Self.payload)
            let status = try await eventually("the queue to report the offline printer") { () async throws -> PrinterStatus? in
                let status = try await cups.client.printerState("ticket")
                let troubled = status.message?.contains("unavailable") == true || status.reason("offline") != nil
                return troubled ? status : nil
            }
            #expect(status.state == .processing)
            let job = try await cups.client.jobStatus(id)
            #expect(job.state == .processing || job.state == .pending)
            #expect(!job.state.isFinal)

            // The printer comes back: the backend's next attempt delivers the whole job.
            let printer = try await cups.startCapture(port: port, name: "ticket")
            let received = try await printer.waitForBytes(Self.payload.count, within: .seconds(45))
            #expect(received == Self.payload)
            let state = try await eventually("job \(id) to complete after recovery") { () async throws -> JobState? in
                let state = try await cups.client.jobState(id)
                return state.isFinal ? state : nil
            }
            #expect(state == .completed)
        }
    }

    @Test("a stopped queue reports stopped with the paused reason")
    func stoppedQueue() async throws {
        try await PrivateCups.with { cups in
            _ = try await cups.addCapturedQueue("ticket")
            #expect(try await cups.client.printerState("ticket").state == .idle)
            try await cups.disable("ticket", reason: "Hết giấy")
            let status = try await cups.client.printerState("ticket")
            #expect(status.state == .stopped)
            #expect(status.reason("paused") != nil)
            #expect(status.message == "Hết giấy")
            let id = try await cups.client.submitRaw(printer: "ticket", title: "Vé A004", bytes: [0x1B, 0x40])
            #expect(try await cups.client.jobState(id) == .pending)
        }
    }
}
