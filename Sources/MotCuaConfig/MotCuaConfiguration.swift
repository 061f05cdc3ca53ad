import QueueCore

/// Everything `motcua.yaml` sets, checked and with defaults filled in.
///
/// Read it with ``load(file:environment:)`` or ``parse(yaml:source:environment:)``; every key is listed
/// in ``documentedKeys`` and explained in `motcua.example.yaml` at the root of the repository.
/// Command-line flags, applied by the caller, take precedence over both the file and the environment.
public struct MotCuaConfiguration: Sendable, Hashable {
    /// Site id carried by every event (`site.id`); also ``queue``'s `site`.
    public var siteID: String
    /// The office's name as pages show it (`site.name`).
    public var siteName: String
    /// Where the HTTP server listens (`http.listen`).
    public var listen: ListenAddress
    /// The state directory (`state_dir`); `nil` lets the caller decide (`./var` or `/var/lib/motcua`).
    public var stateDir: String?
    /// The control socket's path (`control_socket`); `nil` means `$STATE_DIR/control.sock`.
    public var controlSocket: String?
    /// The external workflow core's socket (`workflow.socket`); `nil` when there is none.
    public var workflowSocket: String?
    /// Whether to start the reference workflow core inside the daemon (`workflow.embedded`);
    /// `true` by default when no workflow socket is set.
    public var embeddedWorkflow: Bool
    /// The agency code of dossier codes the embedded workflow core makes (`workflow.agency`).
    public var workflowAgency: String
    /// How long a dossier lookup waits for the workflow core before answering from the cache (`workflow.lookup_timeout_ms`).
    public var workflowLookupTimeoutMilliseconds: Int
    /// How long the workflow core may stay unreachable before the outage goes into the incident log (`workflow.outage_seconds`).
    public var workflowOutageSeconds: Int
    /// The CUPS queue of the kiosk's ticket printer (`printer`); `nil` when there is none.
    public var printer: String?
    /// The printers with their roles (`printers`); see ``allPrinters`` for the list with `printer` in it.
    public var printers: [ConfiguredPrinter]
    /// The LED counter boards (`boards`).
    public var boards: [ConfiguredBoard]
    /// The barcode scanners and counter keypads (`scanners`, `keypads`).
    public var inputs: [ConfiguredInput]
    /// How often the printers' state is read from CUPS, in seconds (`printing.poll_seconds`).
    public var printingPollSeconds: Int
    /// The language tickets are printed in (`printing.language`); nil: the pages' language.
    public var printingLanguage: String?
    /// A folder of the office's own print templates (`printing.templates`): its `LANG/ticket.txt` replaces
    /// the built-in one.
    public var printingTemplates: String?
    /// How calls are announced in the hall (`announcements`).
    public var announcements: AnnouncementSettings
    /// How long a clerk's login lasts, in hours (`auth.session_hours`).
    public var sessionHours: Int
    /// The language pages show first, `vi` or `en` (`pages.language`).
    public var pageLanguage: String
    /// A folder whose files replace the built-in page templates, strings and assets of the same name
    /// (`pages.templates`); `nil` for the built-in ones only.
    public var pageTemplates: String?
    /// The queue's rules (`day`, `queue`, `priority_groups`).
    public var queue: QueueSettings
    /// The services, in the order the kiosk shows them (`services`).
    public var services: [Service]
    /// The counters, with their services resolved from codes to ids (`counters`).
    public var counters: [Counter]

    /// A configuration; every argument defaults to the built-in default's value.
    public init(
        siteID: String = "motcua",
        siteName: String = "Bộ phận Một cửa",
        listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 8080),
        stateDir: String? = nil,
        controlSocket: String? = nil,
        workflowSocket: String? = nil,
        embeddedWorkflow: Bool? = nil,
        workflowAgency: String = "000.00.19.H47",
        workflowLookupTimeoutMilliseconds: Int = 2000,
        workflowOutageSeconds: Int = 60,
        printer: String? = nil,
        printers: [ConfiguredPrinter] = [],
        boards: [ConfiguredBoard] = [],
        inputs: [ConfiguredInput] = [],
        printingPollSeconds: Int = 5,
        printingLanguage: String? = nil,
        printingTemplates: String? = nil,
        announcements: AnnouncementSettings = AnnouncementSettings(),
        sessionHours: Int = 12,
        pageLanguage: String = "vi",
        pageTemplates: String? = nil,
        queue: QueueSettings = QueueSettings(),
        services: [Service] = [],
        counters: [Counter] = []
    ) {
        self.siteID = siteID
        self.siteName = siteName
        self.listen = listen
        self.stateDir = stateDir
        self.controlSocket = controlSocket
        self.workflowSocket = workflowSocket
        self.embeddedWorkflow = embeddedWorkflow ?? (workflowSocket == nil)
        self.workflowAgency = workflowAgency
        self.workflowLookupTimeoutMilliseconds = workflowLookupTimeoutMilliseconds
        self.workflowOutageSeconds = workflowOutageSeconds
        self.printer = printer
        self.printers = printers
        self.boards = boards
        self.inputs = inputs
        self.printingPollSeconds = printingPollSeconds
        self.printingLanguage = printingLanguage
        self.printingTemplates = printingTemplates
        self.announcements = announcements
        self.sessionHours = sessionHours
        self.pageLanguage = pageLanguage
        self.pageTemplates = pageTemplates
        self.queue = queue
        self.services = services
        self.counters = counters
    }

    /// Every printer: the `printer` shorthand first (a ticket printer for every kiosk, unless `printers`
    /// names the same queue), then `printers` in their order, which is the fail-over order of each role.
    public var allPrinters: [ConfiguredPrinter] {
        guard let printer, !printers.contains(where: { $0.queue == printer }) else { return printers }
        return [ConfiguredPrinter(queue: printer)] + printers
    }
}
