import Foundation

/// The DNS-SD service ippeveprinter needs: a system D-Bus and avahi-daemon (TESTING.md, "CUPS").
///
/// Both are machine-wide daemons: they are started only when not already running and are left running
/// for other tests (they hold no test state).
enum DNSSD {
    static let dbusDaemon = "/usr/bin/dbus-daemon"
    static let avahiDaemon = "/usr/sbin/avahi-daemon"
    static let busSocket = "/run/dbus/system_bus_socket"

    /// Starts the system bus and avahi-daemon unless they run already, and waits until avahi answers.
    static func ensureRunning() async throws {
        for tool in [dbusDaemon, avahiDaemon] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw TestFailure("\(tool) is missing: run `scripts/ensure-packages.sh test` as root "
                + "(it installs avahi-daemon and dbus, which ippeveprinter needs)")
        }
        if (try? await ChildProcess.run(avahiDaemon, ["--check"])) != nil { return }
        if !FileManager.default.fileExists(atPath: busSocket) {
            try FileManager.default.createDirectory(atPath: "/run/dbus", withIntermediateDirectories: true)
            try await ChildProcess.run(dbusDaemon, ["--system", "--fork"])
        }
        // A second start while another test's start is still settling fails harmlessly; the check decides.
        _ = try? await ChildProcess.run(avahiDaemon, ["-D", "--no-rlimits", "--no-chroot"])
        _ = try await eventually("avahi-daemon to run", within: .seconds(10), every: .milliseconds(100)) {
            (try? await ChildProcess.run(avahiDaemon, ["--check"])) != nil ? true : nil
        }
    }
}
