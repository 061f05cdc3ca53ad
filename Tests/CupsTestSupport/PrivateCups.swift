import Cups
import Foundation

/// A private CUPS scheduler for one test: its own folder, port and socket, started as a child process
/// and stopped at the end (the recipe in shared/design/TESTING.md, "CUPS").
///
/// Nothing is shared with the machine's own CUPS or with other instances, so tests and suites may each
/// run their own in parallel. Use ``with(_:)``, which always stops it. Needs root (cupsd runs its
/// backends as user lp) and the packages of `scripts/ensure-packages.sh test`.
public final class PrivateCups {
    public static let cupsd = "/usr/sbin/cupsd"
    public static let lpadmin = "/usr/sbin/lpadmin"
    public static let cupsdisable = "/usr/sbin/cupsdisable"
    public static let cupsenable = "/usr/sbin/cupsenable"
    public static let socat = "/usr/bin/socat"

    /// The instance's folder (etc, spool, cache, state, log, run, out).
    public let directory: URL
    /// The port cupsd listens on at 127.0.0.1.
    public let port: Int
    /// A client of this scheduler (`localhost:port`, as the dest API wants it).
    public let client: CupsClient
    private let scheduler: SpawnedProcess
    private var captures: [PrinterCapture] = []
    private var ippPrinters: [IppEvePrinter] = []

    /// Starts a scheduler, runs `body` with it, and stops it whatever happens.
    ///
    /// `firstPort` is the port to try first, for the test that shows a taken port is given up; by default
    /// every port comes from ``LocalPort/free()``.
    public static func with<T>(firstPort: Int? = nil, _ body: (PrivateCups) async throws -> T) async throws -> T {
        let cups = try await PrivateCups(firstPort: firstPort)
        do {
            let result = try await body(cups)
            await cups.stop()
            return result
        } catch {
            await cups.stop()
            throw error
        }
    }

    private init(firstPort: Int?) async throws {
        for tool in [Self.cupsd, Self.lpadmin, Self.cupsdisable, Self.socat]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            throw TestFailure("\(tool) is missing: run `scripts/ensure-packages.sh test` as root "
                + "(it installs cups cups-client cups-bsd cups-ipp-utils socat) to run the CUPS tests")
        }
        guard getuid() == 0 else {
            throw TestFailure("the CUPS tests start a private cupsd, which must run as root (it runs backends as lp)")
        }
        var template = Array("\(NSTemporaryDirectory())/motcua-cups-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed: errno \(errno)") }
        let directory = URL(fileURLWithPath: String(cString: made))
        self.directory = directory
        chmod(directory.path, 0o755)
        for sub in ["etc", "spool/tmp", "cache", "state", "log", "run", "out"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(sub), withIntermediateDirectories: true
            )
        }
        // Backends run as lp and capture files are written there.
        chmod(directory.appendingPathComponent("out").path, 0o1777)
        let d = directory.path
        try Self.makeServerBin(at: directory.appendingPathComponent("lib"))
        try """
        ServerRoot \(d)/etc
        RequestRoot \(d)/spool
        TempDir \(d)/spool/tmp
        CacheDir \(d)/cache
        StateDir \(d)/state
        AccessLog \(d)/log/access_log
        ErrorLog \(d)/log/error_log
        PageLog \(d)/log/page_log
        FileDevice Yes
        ServerBin \(d)/lib
        User lp
        Group lp
        SystemGroup root lpadmin

        """.write(to: directory.appendingPathComponent("etc/cups-files.conf"), atomically: true, encoding: .utf8)
        // cupsd talks to avahi-daemon over the system bus at start. The paper-out tests start both
        // (DNSSD); a cupsd started while they are coming up was seen never to answer on its port. So the
        // bus and avahi are up before any private cupsd starts, whichever suite comes first.
        try await DNSSD.ensureRunning()
        var attempt = 0
        while true {
            attempt += 1
            let port = try attempt == 1 ? firstPort ?? LocalPort.free() : LocalPort.free()
            let scheduler = try Self.startScheduler(in: directory, port: port)
            do {
                guard try await Self.gotPort(port, scheduler: scheduler, in: directory) else {
                    // Someone took the port between LocalPort.free() and cupsd's bind. cupsd would go on
                    // with its socket alone, and the TCP client would talk to that stranger instead.
                    await scheduler.stop()
                    guard attempt < 5 else { throw TestFailure("five ports in a row were taken before cupsd could bind them") }
                    continue
                }
                let client = CupsClient(host: "localhost", port: port, timeout: .seconds(5))
                _ = try await eventually("the private cupsd on port \(port) to answer", within: .seconds(20)) {
                    () async throws -> Bool? in
                    guard !scheduler.hasEnded else { throw TestFailure("cupsd exited early") }
                    _ = try await client.destinations()
                    return true
                }
                self.port = port
                self.client = client
                self.scheduler = scheduler
                return
            } catch {
                let log = (try? String(contentsOf: directory.appendingPathComponent("log/error_log"), encoding: .utf8)) ?? ""
                let out = (try? String(contentsOf: directory.appendingPathComponent("log/cupsd.out"), encoding: .utf8)) ?? ""
                await scheduler.stop()
                try? FileManager.default.removeItem(at: directory)
                throw TestFailure("\(error); cupsd said: \(out) \(log.suffix(2000))")
            }
        }
    }

    /// Writes cupsd.conf for `port` and starts cupsd in the foreground, with a fresh error log.
    private static func startScheduler(in directory: URL, port: Int) throws -> SpawnedProcess {
        let d = directory.path
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("log/error_log"))
        try """
        Listen 127.0.0.1:\(port)
        Listen \(d)/run/cups.sock
        Browsing No
        BrowseLocalProtocols none
        WebInterface No
        LogLevel info
        <Location />
          Order allow,deny
          Allow localhost
        </Location>

        """.write(to: directory.appendingPathComponent("etc/cupsd.conf"), atomically: true, encoding: .utf8)
        return try SpawnedProcess(
            cupsd, ["-f", "-c", "\(d)/etc/cupsd.conf", "-s", "\(d)/etc/cups-files.conf"],
            log: directory.appendingPathComponent("log/cupsd.out")
        )
    }

    /// Whether cupsd bound its TCP port, as its error log says: "Listening to 127.0.0.1:PORT on fd N…",
    /// or "Unable to open listen socket for address 127.0.0.1:PORT - Address already in use." when
    /// another process holds it.
    private static func gotPort(_ port: Int, scheduler: SpawnedProcess, in directory: URL) async throws -> Bool {
        let address = "127.0.0.1:\(port)"
        return try await eventually("cupsd to say whether it bound \(address)", within: .seconds(20)) {
            () async throws -> Bool? in
            let log = (try? String(contentsOf: directory.appendingPathComponent("log/error_log"), encoding: .utf8)) ?? ""
            if log.contains("Listening to \(address) on fd") { return true }
            if log.contains("Unable to open listen socket for address \(address)") { return false }
            guard !scheduler.hasEnded else { throw TestFailure("cupsd exited early") }
            return nil
        }
    }

    /// The system's CUPS programs (filters, backends), plus the test backend `slow`: a printer that takes
    /// its time to answer. It says `connecting-to-device` for `SECONDS`, as CUPS's own backends do while they
    /// open a device, then appends the job to `PATH` (device URI `slow:/PATH?SECONDS`).
    static func makeServerBin(at lib: URL) throws {
        let files = FileManager.default
        let system = URL(fileURLWithPath: "/usr/lib/cups")
        try files.createDirectory(at: lib.appendingPathComponent("backend"), withIntermediateDirectories: true)
        for entry in try files.contentsOfDirectory(atPath: system.path) where entry != "backend" {
            try files.createSymbolicLink(at: lib.appendingPathComponent(entry), withDestinationURL: system.appendingPathComponent(entry))
        }
        let backends = system.appendingPathComponent("backend")
        for entry in try files.contentsOfDirectory(atPath: backends.path) {
            try files.createSymbolicLink(
                at: lib.appendingPathComponent("backend/\(entry)"), withDestinationURL: backends.appendingPathComponent(entry)
            )
        }
        let slow = lib.appendingPathComponent("backend/slow")
        try """
            #!/bin/sh
            if [ $# -eq 0 ]; then echo 'direct slow "Unknown" "Slow test printer"'; exit 0; fi
            target="${DEVICE_URI#slow:}"
            seconds="${target##*\\?}"
            path="${target%%\\?*}"
            echo "STATE: +connecting-to-device" >&2
            echo "INFO: Connecting to printer." >&2
            sleep "$seconds"
            echo "STATE: -connecting-to-device" >&2
            if [ -n "$6" ]; then cat "$6" >> "$path"; else cat >> "$path"; fi

            """.write(to: slow, atomically: true, encoding: .utf8)
        // World-readable and not private to root: cupsd runs it as lp, like the system's network backends.
        chmod(slow.path, 0o755)
    }

    /// Adds a raw queue `name` whose printer answers only after `seconds` each job (the `slow` backend),
    /// writing what it receives to out/`name`.bin; returns that file.
    public func addSlowQueue(_ name: String, seconds: Int) async throws -> URL {
        let file = directory.appendingPathComponent("out/\(name).bin")
        try await addRawQueue(name, deviceURI: "slow:\(file.path)?\(seconds)")
        return file
    }

    /// The environment for the CUPS command-line tools: the instance's Unix socket, where root is trusted.
    public var toolEnvironment: [String: String] {
        ["CUPS_SERVER": directory.appendingPathComponent("run/cups.sock").path]
    }

    /// Adds an enabled raw queue `name` sending to `deviceURI`.
    public func addRawQueue(_ name: String, deviceURI: String) async throws {
        // lpadmin warns that raw queues are deprecated; that is expected.
        try await ChildProcess.run(
            Self.lpadmin, ["-p", name, "-E", "-v", deviceURI, "-m", "raw"], environment: toolEnvironment
        )
    }

    /// Adds a raw queue `name` whose printer is a socat listener writing every byte it receives to a file.
    public func addCapturedQueue(_ name: String) async throws -> PrinterCapture {
        let capture = try await startCapture(port: LocalPort.free(), name: name)
        try await addRawQueue(name, deviceURI: "socket://127.0.0.1:\(capture.port)")
        return capture
    }

    /// Starts a socat listener on 127.0.0.1:`port` appending what it receives to out/`name`.bin.
    public func startCapture(port: Int, name: String) async throws -> PrinterCapture {
        let capture = try await PrinterCapture.start(
            port: port, file: directory.appendingPathComponent("out/\(name).bin"),
            log: directory.appendingPathComponent("log/socat-\(name)-\(port).log")
        )
        captures.append(capture)
        return capture
    }

    /// Starts an ippeveprinter that reports the paper out (see ``IppEvePrinter``); stopped with the scheduler.
    public func startOutOfPaperPrinter() async throws -> IppEvePrinter {
        let printer = try await IppEvePrinter.startOutOfPaper(
            in: directory.appendingPathComponent("ipp-\(ippPrinters.count)")
        )
        ippPrinters.append(printer)
        return printer
    }

    /// Makes `name` the default destination.
    public func setDefault(_ name: String) async throws {
        try await ChildProcess.run(Self.lpadmin, ["-d", name], environment: toolEnvironment)
    }

    /// Stops the queue `name` (`cupsdisable`), optionally with a reason message.
    public func disable(_ name: String, reason: String? = nil) async throws {
        try await ChildProcess.run(
            Self.cupsdisable, (reason.map { ["-r", $0] } ?? []) + [name], environment: toolEnvironment
        )
    }

    /// Stops the listeners and the scheduler and removes the folder.
    public func stop() async {
        for capture in captures { await capture.stop() }
        for printer in ippPrinters { await printer.stop() }
        await scheduler.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
