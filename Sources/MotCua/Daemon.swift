import Foundation
import Hummingbird
import InputDevices
import LedBoards
import Logging
import MotCuaConfig
import Printing
import QueueCore
import QueueService
import ServiceLifecycle
import Store
import Udev
import UnixSignals
import Web
import WorkflowLink

/// `motcua serve` wired together: the store, the queue engine, the HTTP listener, the control socket
/// and the day clock, in one service group that shuts down gracefully on SIGTERM or SIGINT.
struct Daemon {
    let configuration: MotCuaConfiguration
    let stateDir: String
    let controlSocket: String
    let demo: Bool
    /// The demo on the built-in configuration is open around the clock, so whoever tries it in the
    /// evening still sees tickets issued and called: a working day of 00:00–24:00 and demo services
    /// without issuing windows. A configuration file keeps its own hours.
    var demoAroundTheClock = false

    func run() async throws {
        var logger = Logger(label: "motcua")
        logger.logLevel = ProcessInfo.processInfo.environment["MOTCUA_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let httpLogger = logger

        do {
            try FileManager.default.createDirectory(atPath: stateDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        } catch {
            throw DaemonError(message: "không tạo được thư mục dữ liệu \(stateDir): \(error.localizedDescription)")
        }
        let lock = try StateLock(directory: stateDir)
        let databasePath = (stateDir as NSString).appendingPathComponent("motcua.sqlite")
        let store: QueueStore
        do {
            store = try QueueStore(path: databasePath)
        } catch {
            throw DaemonError(message: "không mở được cơ sở dữ liệu \(databasePath): \(error)")
        }
        if !configuration.services.isEmpty || !configuration.counters.isEmpty {
            try store.install(services: configuration.services, counters: configuration.counters, replace: true)
        }
        if demo {
            let services = DemoOffice.services.map { service in
                var service = service
                if demoAroundTheClock { service.issuingWindows = [] }
                return service
            }
            try store.install(services: services, counters: DemoOffice.counters, replace: false)
        }
        var settings = configuration.queue
        if demoAroundTheClock {
            settings.workingHours = TimeWindow(start: TimeOfDay(hour: 0, minute: 0)!, end: TimeOfDay(hour: 24, minute: 0)!)!
        }
        let marker = RunMarker(stateDir: stateDir)
        // Any stop the daemon itself goes through (a signal, a port already taken) removes the marker;
        // only a power cut, a crash or a kill leaves it for the next start to find.
        defer { marker.end() }
        if let incident = try marker.begin(store: store, now: Date()) {
            logger.warning("the last run ended without a proper shutdown: recorded as an incident", metadata: [
                "incident": "\(incident.id)", "since": "\(Timestamp.format(incident.startedAt))",
            ])
        }
        let engine = try QueueEngine(store: store, settings: settings, logger: logger)
        try await engine.tick()
        let sessionLifetime = configuration.sessionHours * 3600
        let accounts = AccountService(store: store, sessionLifetime: TimeInterval(sessionLifetime))
        let printers = try PrintingSetup.pool(for: configuration, engine: engine, store: store, logger: logger)
        let counters = try store.counters().map(\.number)
        let outages = DeviceOutages(engine: engine, store: store, logger: logger)
        let boards = try DevicesSetup.boards(for: configuration, counters: counters, engine: engine, outages: outages, logger: logger)
        let inputs = try DevicesSetup.inputs(for: configuration, counters: counters, engine: engine, outages: outages, logger: logger)
        let present = try DevicesSetup.present()
        let hotPlug = HotPlugService(present: present, logger: logger) { event in
            guard event.action == .add || event.action == .remove else { return }
            await boards?.nudge()
            inputs?.nudge()
        }
        var workflowServices: [any ServiceLifecycle.Service] = []
        var embeddedCore: WorkflowCoreSetup?
        let link: WorkflowLink?
        var workflowSocket = configuration.workflowSocket
        if configuration.embeddedWorkflow {
            workflowSocket = (stateDir as NSString).appendingPathComponent("workflow.sock")
            do {
                let core = try WorkflowCoreSetup(
                    stateDir: stateDir, socket: workflowSocket, agency: configuration.workflowAgency, demo: demo, logger: logger
                )
                embeddedCore = core
                workflowServices.append(EmbeddedWorkflowCore(server: core.server, store: store, logger: logger))
            } catch {
                // The queue does not depend on the core: tickets and displays go on, events wait in the
                // outbox, and the link keeps trying the socket (a core started by hand there is used).
                logger.error("the embedded workflow core cannot start; serving without it", metadata: ["error": "\(error)"])
                try? store.record(Incident(
                    kind: .software, device: WorkflowLink.incidentDevice,
                    cause: "Hệ thống hồ sơ mẫu (workflow core) không khởi động được: \(error)", startedAt: Date()
                ))
            }
        }
        if let socketPath = workflowSocket {
            let settings = WorkflowLinkSettings(
                socketPath: socketPath, site: configuration.siteID, daemonID: try store.daemonID(),
                lookupTimeout: .milliseconds(configuration.workflowLookupTimeoutMilliseconds),
                outageGrace: .seconds(configuration.workflowOutageSeconds)
            )
            let documents = printers.map {
                DocumentPrinting(pool: $0, templates: PrintingSetup.templates(for: configuration), office: configuration.siteName)
            }
            let requests = OfficeCoreRequests(engine: engine, printer: documents?.handler)
            let made = WorkflowLink(settings: settings, store: store, engine: engine, requests: requests, logger: logger)
            // Listed after the embedded core: the group stops services in reverse order, so the link
            // lets go of the core before the core closes.
            workflowServices.append(made)
            link = made
            logger.notice("workflow core\(embeddedCore == nil ? "" : " (embedded)") at \(socketPath)", metadata: ["daemon_id": "\(settings.daemonID)"])
        } else {
            link = nil
            logger.notice("no workflow core: events wait in the outbox, dossier lookups answer 503")
        }
        let announcementAudio = try VoiceSetup.audio(
            for: configuration, cacheFolder: (stateDir as NSString).appendingPathComponent("voice-cache")
        )
        let announcer = VoiceSetup.announcer(for: configuration, audio: announcementAudio, engine: engine, logger: logger)
        let office = Office(
            engine: engine, accounts: accounts, name: configuration.siteName, printers: printers, boards: boards, inputs: inputs, present: present,
            printLanguage: configuration.printingLanguage ?? configuration.pageLanguage, dossiers: link,
            announcementAudio: announcementAudio, announcer: announcer
        )
        let (pages, templatesFolder) = try TemplatesFolder.pages(for: configuration)

        if FileManager.default.fileExists(atPath: controlSocket) {
            // The state lock is ours, so no live daemon owns this socket: it is left from a crash.
            try? FileManager.default.removeItem(atPath: controlSocket)
        }
        let notifier = SystemdNotifier()
        let listen = configuration.listen
        let ready = ReadinessLatch(count: 2) {
            notifier.notify("READY=1\nSTATUS=Đang phục vụ trên \(listen)")
        }
        let http = Application(
            router: WebRouter.make(office: office, trustLocal: false, sessionLifetime: sessionLifetime, pages: pages),
            configuration: .init(address: .hostname(configuration.listen.host, port: configuration.listen.port), serverName: "motcua"),
            onServerRunning: { channel in
                httpLogger.info("HTTP ready", metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
                ready.arrive()
            },
            logger: logger
        )
        let socketPath = controlSocket
        let control = Application(
            router: WebRouter.make(office: office, trustLocal: true, sessionLifetime: sessionLifetime),
            configuration: .init(address: .unixDomainSocket(path: controlSocket), serverName: "motcua-control"),
            onServerRunning: { _ in
                // Only the daemon's own user may act as the local administrator.
                chmod(socketPath, 0o600)
                ready.arrive()
            },
            logger: logger
        )
        logger.info("motcua serving", metadata: [
            "state_dir": "\(stateDir)", "http": "\(configuration.listen)", "control_socket": "\(controlSocket)",
            "demo": "\(demo)", "templates": "\(templatesFolder)\(configuration.pageTemplates.map { " + " + $0 } ?? "")",
        ])
        // A service that ends or fails (the HTTP port is taken, say) shuts the others down gracefully, not by
        // cancelling them: servers on NIO async channels must see every accepted connection through, which
        // a cancelled accept loop cannot do.
        let services: [any ServiceLifecycle.Service] = [
            http, control, DayClock(engine: engine, logger: logger), EventHubCloser(hub: engine.hub),
            SystemdSupervision(notifier: notifier, engine: engine),
        ] + workflowServices + (printers.map {
            [PrinterMonitor(pool: $0, interval: .seconds(configuration.printingPollSeconds))]
        } ?? []) + (boards.map { [$0] } ?? []) + (inputs.map { [$0] } ?? []) + (announcer.map { [$0] } ?? []) + [hotPlug]
        var groupConfiguration = ServiceGroupConfiguration(
            services: services.map {
                .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
            },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(15)
        let group = ServiceGroup(configuration: groupConfiguration)
        try await group.run()
        await engine.drain()
        try? FileManager.default.removeItem(atPath: controlSocket)
        withExtendedLifetime((lock, embeddedCore?.lock)) {}
    }
}
