import Foundation
import Testing

@Suite("sd_notify: READY, WATCHDOG, STOPPING", .serialized)
struct SystemdNotifyTests {
    @Test("the daemon says READY=1 once it serves, pings the watchdog, and says STOPPING=1 on SIGTERM")
    func notifies() async throws {
        let notify = try NotifySocket()
        let daemon = try DaemonProcess()
        try await daemon.start(environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "200000"])
        let ready = notify.wait { $0.contains("READY=1") }
        #expect(ready.contains { $0.contains("READY=1") && $0.contains("STATUS=") })
        // READY comes only when the HTTP listener answers (start() waited for /readyz too).
        #expect(try await daemon.get("/readyz").status == 200)
        let afterWait = notify.wait(seconds: 1) { _ in false }
        #expect(afterWait.filter { $0 == "WATCHDOG=1" }.count >= 3, "pings every 100 ms for a 200 ms watchdog")
        let stopping = Task { notify.wait(seconds: 10) { $0 == "STOPPING=1" } }
        #expect(try await daemon.stop() == 0)
        #expect(await stopping.value.contains("STOPPING=1"))
    }

    @Test("without NOTIFY_SOCKET the daemon runs as before")
    func withoutSystemd() async throws {
        let daemon = try DaemonProcess()
        try await daemon.start(environment: ["NOTIFY_SOCKET": ""])
        #expect(try await daemon.get("/readyz").status == 200)
        #expect(try await daemon.stop() == 0)
    }
}
