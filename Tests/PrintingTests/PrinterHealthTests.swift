import Cups
import Printing
import Testing

/// What a printer's CUPS state means for printing tickets (the readings seen from the private cupsd in
/// Tests/CupsTests: a stopped queue, paper out from ippeveprinter, a socket printer that does not answer).
@Suite("Printer health from the CUPS state")
struct PrinterHealthTests {
    static func status(
        _ state: PrinterState = .idle, _ reasons: [String] = [], message: String? = nil, accepting: Bool = true
    ) -> PrinterStatus {
        PrinterStatus(state: state, reasons: PrinterStateReason.parse(reasons), message: message, isAcceptingJobs: accepting)
    }

    @Test("idle or printing with no stopping reason: ok")
    func ok() {
        #expect(PrinterHealth(Self.status()) == .ok(note: nil))
        #expect(PrinterHealth(Self.status(.processing, ["none"])) == .ok(note: nil))
    }

    @Test("paper low is worth a note, not a fault")
    func paperLow() {
        let health = PrinterHealth(Self.status(.idle, ["media-low-warning"]))
        #expect(health.canPrint)
        #expect(health.detail?.contains("media low") == true)
    }

    @Test("a thermal printer with no paper, a jam or an open cover cannot print, whatever the severity", arguments: [
        "media-empty-warning", "media-empty-error", "media-empty", "media-jam-error", "cover-open-report", "offline-report",
    ])
    func stoppingReasons(keyword: String) {
        let health = PrinterHealth(Self.status(.processing, [keyword]))
        #expect(!health.canPrint)
        #expect(health.name == "fault")
    }

    @Test("connecting to the device is what every job starts with; only when it lasts is the printer unreachable")
    func connecting() {
        let busy = Self.status(.processing, ["connecting-to-device"], message: "Connecting to printer.")
        #expect(PrinterHealth(busy) == .ok(note: nil), "a job going out")
        #expect(PrinterHealth(busy, connectingFor: 29).canPrint)
        let stuck = PrinterHealth(busy, connectingFor: 31)
        #expect(stuck == .fault("không kết nối được máy in (connecting to device) sau 31 giây"))
        // A backend that says it cannot reach the device is a fault at once.
        #expect(!PrinterHealth(Self.status(.processing, ["connecting-to-device"], message: "Unable to connect to printer; will retry in 30 seconds...")).canPrint)
    }

    @Test("a stopped queue or one refusing jobs cannot print, and says why with CUPS's message")
    func stopped() {
        let health = PrinterHealth(Self.status(.stopped, ["paused"], message: "Hết giấy"))
        #expect(health == .fault("hàng in đã dừng (queue stopped): Hết giấy"))
        #expect(!PrinterHealth(Self.status(.idle, accepting: false)).canPrint)
    }

    @Test("a network printer that does not answer keeps reasons none; its message says so")
    func unreachable() {
        let health = PrinterHealth(Self.status(.processing, ["none"], message: "The printer is not responding."))
        #expect(!health.canPrint)
        #expect(health.detail?.contains("The printer is not responding.") == true)
    }
}
