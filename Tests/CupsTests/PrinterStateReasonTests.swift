import Cups
import CupsTestSupport
import Testing

@Suite("Printer state reasons and server names")
struct PrinterStateReasonTests {
    @Test("a keyword's suffix becomes its severity; no suffix means error")
    func suffixes() {
        #expect(PrinterStateReason(keyword: "media-empty-warning") == PrinterStateReason(reason: "media-empty", severity: .warning))
        #expect(PrinterStateReason(keyword: "media-low-report") == PrinterStateReason(reason: "media-low", severity: .report))
        #expect(PrinterStateReason(keyword: "cover-open-error") == PrinterStateReason(reason: "cover-open", severity: .error))
        #expect(PrinterStateReason(keyword: "offline-report").reason == "offline")
        #expect(PrinterStateReason(keyword: "paused") == PrinterStateReason(reason: "paused", severity: .error))
        #expect(PrinterStateReason(keyword: "-warning").reason == "-warning")
        #expect(PrinterStateReason(keyword: "media-needed-warning").keyword == "media-needed-warning")
    }

    @Test("a list drops none and finds reasons by name and severity")
    func list() {
        #expect(PrinterStateReason.parse(["none"]).isEmpty)
        let status = PrinterStatus(
            state: .processing,
            reasons: PrinterStateReason.parse(["media-empty-warning", "media-needed-warning", "offline-report"]),
            message: nil, isAcceptingJobs: true
        )
        #expect(status.reason("media-empty")?.severity == .warning)
        #expect(status.reason("cover-open") == nil)
        #expect(status.reasons(atLeast: .warning).map(\.reason) == ["media-empty", "media-needed"])
    }

    @Test("servers are read as CUPS_SERVER writes them")
    func servers() {
        let plain = CupsClient(server: "localhost:8631")
        #expect(plain.host == "localhost" && plain.port == 8631 && plain.server == "localhost:8631")
        #expect(CupsClient(server: "printhost").port == 631)
        let socket = CupsClient(server: "/run/cups/cups.sock")
        #expect(socket.host == "/run/cups/cups.sock" && socket.server == "/run/cups/cups.sock")
        let v6 = CupsClient(server: "[::1]:9631")
        #expect(v6.host == "::1" && v6.port == 9631 && v6.server == "[::1]:9631")
        #expect(CupsClient(server: "localhost:8631/version=1.1").port == 8631)
    }
}
