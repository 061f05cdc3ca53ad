import Foundation

/// The DNS-SD service ippeveprinter needs: a system D-Bus and avahi-daemon (TESTING.md, "CUPS").
///
/// Both are machine-wide daemons: they are started only when not already running and are left running
/// for other tests (they hold no test state). A machine whose earlier processes were killed (a session
/// that ended, a crash) keeps their socket and pid files in /run; a bus that does not answer is cleared
/// and started again, or avahi-daemon would fail to reach it on every try.
public enum DNSSD {
    public static let dbusDaemon = "/usr/bin/dbus-daemon"
    public static let dbusSend = "/usr/bin/dbus-send"
    public static let avahiDaemon = "/usr/sbin/avahi-daemon"
    public static let busDirectory = "/run/dbus"
    public static let busSocket = "/run/dbus/system_bus_socket"
    public static let busPidFile = "/run/dbus/pid"

    /// Starts the system bus and avahi-daemon unless they run already, and waits until avahi answers.
    ///
    /// Suites run in parallel in one process: they share a single start.
    public static func ensureRunning() async throws {
        try await start.value
    }

    private static let start = Task { try await startOnce() }

    private static func startOnce() async throws {
        for tool in [dbusDaemon, dbusSend, avahiDaemon] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw TestFailure("\(tool) is missing: run `scripts/ensure-packages.sh test` as root "
                + "(it installs avahi-daemon and dbus, which ippeveprinter needs)")
        }
        if await busAnswers(), (try? await ChildProcess.run(avahiDaemon, ["--check"])) != nil { return }
        if !(await busAnswers()) {
            // Left behind by a bus that was killed: dbus-daemon refuses to start over its pid file.
            try? FileManager.default.removeItem(atPath: busSocket)
            try? FileManager.default.removeItem(atPath: busPidFile)
            try FileManager.default.createDirectory(atPath: busDirectory, withIntermediateDirectories: true)
            try await ChildProcess.run(dbusDaemon, ["--system", "--fork"])
            _ = try await eventually("the system D-Bus to answer", within: .seconds(30), every: .milliseconds(100)) {
                await busAnswers() ? true : nil
            }
        }
        // avahi-daemon refuses a second copy by itself; what it said is kept for the failure message.
        var said = ""
        do { try await ChildProcess.run(avahiDaemon, ["-D", "--no-rlimits", "--no-chroot"]) } catch { said = "\(error)" }
        do {
            _ = try await eventually("avahi-daemon to run", within: .seconds(30), every: .milliseconds(100)) {
                (try? await ChildProcess.run(avahiDaemon, ["--check"])) != nil ? true : nil
            }
        } catch {
            throw TestFailure("\(error)" + (said.isEmpty ? "" : "; starting it: \(said)"))
        }
    }

    /// Whether a system bus answers on its socket (a socket file alone may be a dead bus's).
    private static func busAnswers() async -> Bool {
        guard FileManager.default.fileExists(atPath: busSocket) else { return false }
        let asked = try? await ChildProcess.run(dbusSend, [
            "--system", "--print-reply", "--reply-timeout=2000", "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus", "org.freedesktop.DBus.GetId",
        ])
        return asked != nil
    }
}
