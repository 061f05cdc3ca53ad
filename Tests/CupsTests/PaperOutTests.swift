import Cups
import CupsTestSupport
import Foundation
import Testing

/// Paper out, reported by a real IPP printer through CUPS's ipp backend.
@Suite("CUPS paper out")
struct PaperOutTests {
    @Test("a printer out of paper reports media-empty; the next job stays processing with the warning")
    func paperOut() async throws {
        try await PrivateCups.with { cups in
            let printer = try await cups.startOutOfPaperPrinter()
            try await cups.addRawQueue("ticket", deviceURI: printer.uri)

            // The first job reaches the printer, which then reports the paper out.
            let first = try await cups.client.submitRaw(printer: "ticket", title: "Vé A005", bytes: [0x1B, 0x40, 0x0A])
            let firstState = try await eventually("job \(first) to end") { () async throws -> JobState? in
                let state = try await cups.client.jobState(first)
                return state.isFinal ? state : nil
            }
            #expect(firstState == .completed)
            let reported = try await eventually("media-empty to be reported") { () async throws -> PrinterStatus? in
                let status = try await cups.client.printerState("ticket")
                return status.reason("media-empty") != nil ? status : nil
            }
            #expect(reported.reason("media-needed") != nil)

            // The next job waits for paper: processing, with the reasons now warnings.
            let second = try await cups.client.submitRaw(printer: "ticket", title: "Vé A006", bytes: [0x1B, 0x40, 0x0A])
            let warned = try await eventually("media-empty-warning while job \(second) waits") {
                () async throws -> PrinterStatus? in
                let status = try await cups.client.printerState("ticket")
                return status.reason("media-empty")?.severity == .warning ? status : nil
            }
            #expect(warned.state == .processing)
            #expect(warned.reasons(atLeast: .warning).map(\.reason).contains("media-needed"))
            #expect(try await cups.client.jobState(second) == .processing)
        }
    }
}
