import Foundation
import QueueCore

extension ConfigReader {
    /// Builds and checks the whole configuration from the document's top-level mapping.
    func configuration(_ top: ConfigSection) throws(ConfigError) -> MotCuaConfiguration {
        let site = try top.section("site")
        let siteID = try site.value("id").string(
            "1 to 64 letters A–Z, digits, '.', '_' or '-', starting with a letter or digit",
            where: Self.isSiteID
        ) ?? "motcua"
        let siteName = try site.value("name").string() ?? "Bộ phận Một cửa"

        let listenValue = try top.section("http").value("listen")
        var listen = ListenAddress(host: "127.0.0.1", port: 8080)
        if let text = try listenValue.string() {
            guard let address = ListenAddress(text) else {
                throw listenValue.fail(must: "HOST:PORT with a port from 0 to 65535, an IPv6 address in brackets ([::1]:8080)")
            }
            listen = address
        }

        let stateDir = try top.value("state_dir").string()
        let controlSocket = try Self.socketPath(top.value("control_socket"))
        let printer = try top.value("printer").string(
            "a CUPS queue name: at most 127 characters, no spaces, '/', '\\\\', '#' or quotes",
            where: Self.isPrinterName
        )

        let printing = try top.section("printing")
        let pollSeconds = try printing.value("poll_seconds").int(1...3600) ?? 5
        let printingLanguage = try printing.value("language").choice(["vi", "en"])
        let printingTemplates = try printing.value("templates").string()
        let printers = try printers(top.sections("printers") ?? [])
        let boards = try boards(top.sections("boards") ?? [])
        let inputs = try inputs(scanners: top.sections("scanners") ?? [], keypads: top.sections("keypads") ?? [])

        let workflow = try top.section("workflow")
        let workflowSocket = try Self.socketPath(workflow.value("socket"))
        let embeddedValue = try workflow.value("embedded")
        let embedded = try embeddedValue.bool()
        if workflowSocket != nil, embedded == true {
            throw embeddedValue.fail("cannot be true when workflow.socket is set: use either the embedded workflow core or the one on the socket")
        }

        let agency = try workflow.value("agency").string(
            "an agency code as dossier codes carry it, such as 000.00.19.H47",
            where: { DossierCode("\($0)-260101-0001") != nil }
        ) ?? "000.00.19.H47"
        let lookupTimeout = try workflow.value("lookup_timeout_ms").int(100...30_000) ?? 2000
        let outageSeconds = try workflow.value("outage_seconds").int(1...86_400) ?? 60

        let announcements = try announcementSettings(top.section("announcements"))

        let sessionHours = try top.section("auth").value("session_hours").int(1...168) ?? 12

        let pages = try top.section("pages")
        let pageLanguage = try pages.value("language").choice(["vi", "en"]) ?? "vi"
        let pageTemplates = try pages.value("templates").string()

        var queue = try queueSettings(top)
        queue.site = siteID
        let services = try services(top.sections("services") ?? [], workingHours: queue.workingHours)
        let counters = try counters(top.sections("counters") ?? [], services: services)

        return MotCuaConfiguration(
            siteID: siteID, siteName: siteName, listen: listen, stateDir: stateDir, controlSocket: controlSocket,
            workflowSocket: workflowSocket, embeddedWorkflow: embedded, workflowAgency: agency,
            workflowLookupTimeoutMilliseconds: lookupTimeout, workflowOutageSeconds: outageSeconds, printer: printer, printers: printers, boards: boards, inputs: inputs, printingPollSeconds: pollSeconds, printingLanguage: printingLanguage,
            printingTemplates: printingTemplates, announcements: announcements,
            sessionHours: sessionHours,
            pageLanguage: pageLanguage, pageTemplates: pageTemplates, queue: queue, services: services, counters: counters
        )
    }

    /// The printers (`printers[]`): a CUPS queue each, named once, with a role, a profile id and kiosks.
    func printers(_ items: [ConfigSection]) throws(ConfigError) -> [ConfiguredPrinter] {
        var printers: [ConfiguredPrinter] = []
        for item in items {
            let queueValue = try item.value("queue")
            let queue = try queueValue.required(try queueValue.string(
                "a CUPS queue name: at most 127 characters, no spaces, '/', '\\\\', '#' or quotes", where: Self.isPrinterName
            ))
            if printers.contains(where: { $0.queue == queue }) {
                throw queueValue.fail("names the CUPS queue \"\(queue)\" a second time: each printer is listed once")
            }
            let role = try item.value("role").choice(ConfiguredPrinter.Role.allCases.map(\.rawValue))
                .flatMap(ConfiguredPrinter.Role.init(rawValue:)) ?? .ticket
            let profile = try item.value("profile").string(
                "a profile id: lowercase letters, digits and '-', as the file names in Devices/printers",
                where: { !$0.isEmpty && $0.count <= 64 && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } }
            )
            let kioskValues = try item.values("kiosks") ?? []
            var kiosks: [String] = []
            for value in kioskValues {
                let kiosk = try value.required(try value.string(
                    "a kiosk id: 1 to 64 letters, digits, '.', '_' or '-'", where: Self.isSiteID
                ))
                kiosks.append(kiosk)
            }
            if role == .document, let first = kioskValues.first {
                throw first.fail("a kiosk applies to ticket printers only; a document printer serves the whole office")
            }
            printers.append(ConfiguredPrinter(queue: queue, role: role, profile: profile, kiosks: kiosks))
        }
        return printers
    }

    /// The hall announcements (`announcements`): the languages, each named once, vi or en; the player.
    func announcementSettings(_ section: ConfigSection) throws(ConfigError) -> AnnouncementSettings {
        let defaults = AnnouncementSettings()
        let enabled = try section.value("enabled").bool() ?? defaults.enabled
        var languages = defaults.languages
        if let values = try section.values("languages") {
            guard !values.isEmpty else {
                throw ConfigError(key: "announcements.languages", reason: "must name at least one language, such as [vi] or [vi, en]", source: source)
            }
            languages = []
            for value in values {
                let language = try value.required(try value.choice(["vi", "en"]))
                if languages.contains(language) { throw value.fail("names \(language) a second time") }
                languages.append(language)
            }
        }
        let player = try section.value("player").string(
            "a program and its arguments, such as \"aplay -q\" or \"paplay\"",
            where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        ) ?? defaults.player
        return AnnouncementSettings(
            enabled: enabled, languages: languages, player: player,
            plays: try section.value("plays").int(1...5) ?? defaults.plays,
            maxDelaySeconds: try section.value("max_delay_seconds").int(10...600) ?? defaults.maxDelaySeconds,
            speed: try section.value("speed").int(80...300) ?? defaults.speed,
            templates: try section.value("templates").string()
        )
    }

    /// The LED counter boards (`boards[]`): a stable serial path each, the counter, the profile id, the
    /// address; two boards on one path need different addresses.
    func boards(_ items: [ConfigSection]) throws(ConfigError) -> [ConfiguredBoard] {
        var boards: [ConfiguredBoard] = []
        for item in items {
            let pathValue = try item.value("path")
            let path = try pathValue.required(try pathValue.string("an absolute path of a serial port", where: { $0.hasPrefix("/") }))
            if let better = Self.unstableDevicePath(path) { throw pathValue.fail(better) }
            let counterValue = try item.value("counter")
            let counter = try counterValue.required(counterValue.int(1...999))
            let profile = try item.value("profile").string(
                "a profile id: lowercase letters, digits and '-', as the file names in Devices/boards",
                where: { !$0.isEmpty && $0.count <= 64 && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } }
            ) ?? ConfiguredBoard.defaultProfile
            let addressValue = try item.value("address")
            let address = try addressValue.int(0...99) ?? 0
            if let other = boards.firstIndex(where: { $0.path == path && $0.address == address }) {
                throw addressValue.fail("\(address) is already the address of boards[\(other)] on \(path)")
            }
            boards.append(ConfiguredBoard(path: path, counter: counter, profile: profile, address: address))
        }
        return boards
    }

    /// The scanners (`scanners[]`: a stable input path and the lookup kiosk) and keypads (`keypads[]`: a
    /// stable input path and the counter); each path is listed once.
    func inputs(scanners: [ConfigSection], keypads: [ConfigSection]) throws(ConfigError) -> [ConfiguredInput] {
        var inputs: [ConfiguredInput] = []
        for (items, isScanner) in [(scanners, true), (keypads, false)] {
            for item in items {
                let pathValue = try item.value("path")
                let path = try pathValue.required(try pathValue.string("an absolute path of an input device", where: { $0.hasPrefix("/") }))
                if let better = Self.unstableDevicePath(path) { throw pathValue.fail(better) }
                if inputs.contains(where: { $0.path == path }) {
                    throw pathValue.fail("\(path) is already listed: one device serves one kiosk or counter")
                }
                let target: ConfiguredInput.Target
                if isScanner {
                    let kioskValue = try item.value("kiosk")
                    target = .kiosk(try kioskValue.required(try kioskValue.string("a kiosk id: 1 to 64 letters, digits, '.', '_' or '-'", where: Self.isSiteID)))
                } else {
                    let counterValue = try item.value("counter")
                    target = .counter(try counterValue.required(counterValue.int(1...999)))
                }
                let profile = try item.value("profile").string(
                    "a profile id: lowercase letters, digits and '-', as the file names in Devices/inputs",
                    where: { !$0.isEmpty && $0.count <= 64 && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } }
                ) ?? (isScanner ? ConfiguredInput.defaultScannerProfile : ConfiguredInput.defaultKeypadProfile)
                inputs.append(ConfiguredInput(path: path, target: target, profile: profile))
            }
        }
        return inputs
    }

    /// Why `path` is no way to name a device (its number follows the order things were plugged in), and
    /// what to use instead; nil for a stable path.
    static func unstableDevicePath(_ path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        func numbered(_ prefix: String) -> Bool {
            name.hasPrefix(prefix) && name.count > prefix.count && name.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }
        if path.hasPrefix("/dev/"), numbered("ttyUSB") || numbered("ttyACM") {
            return "\(path) changes with the order devices are plugged in: use its stable name under /dev/serial/by-id/ or /dev/serial/by-path/ (`ls -l /dev/serial/by-id/`)"
        }
        if path.hasPrefix("/dev/input/"), numbered("event") {
            return "\(path) changes with the order devices are plugged in: use its stable name under /dev/input/by-id/ or /dev/input/by-path/ (`ls -l /dev/input/by-id/`)"
        }
        return nil
    }

    /// The working day, the calling policy and the priority groups.
    func queueSettings(_ top: ConfigSection) throws(ConfigError) -> QueueSettings {
        let defaults = QueueSettings()
        let day = try top.section("day")
        let opens = try day.value("opens").time() ?? defaults.workingHours.start
        let closesValue = try day.value("closes")
        let closes = try closesValue.time() ?? defaults.workingHours.end
        guard let workingHours = TimeWindow(start: opens, end: closes) else {
            throw closesValue.fail("must be after day.opens (\(opens)), got \(closes)")
        }

        let queue = try top.section("queue")
        let regularPerPriority = try queue.value("regular_per_priority").int(1...100) ?? 2
        let priorityRule: CallingPolicy.PriorityRule =
            switch try queue.value("priority_policy").choice(["strict", "interleave"]) {
            case "strict": .strict
            default: .interleave(regularPerPriority: regularPerPriority)
            }
        let orderNames = CallingPolicy.ServiceOrder.allCases.map(\.rawValue)
        let serviceOrder = try queue.value("service_order").choice(orderNames)
            .flatMap(CallingPolicy.ServiceOrder.init(rawValue:)) ?? .oldest
        let maxWaitMinutes = try queue.value("max_wait_minutes").int(0...1440) ?? 45
        let noShowAfterCalls = try queue.value("no_show_after_calls").int(1...10) ?? defaults.noShowAfterCalls
        let serviceMinutes = try queue.value("default_service_minutes").int(1...480) ?? 5
        let estimateSample = try queue.value("estimate_sample").int(1...1000) ?? defaults.estimateSample

        return QueueSettings(
            workingHours: workingHours,
            policy: CallingPolicy(
                priorityRule: priorityRule,
                serviceOrder: serviceOrder,
                maxWait: maxWaitMinutes == 0 ? nil : TimeInterval(maxWaitMinutes * 60)
            ),
            noShowAfterCalls: noShowAfterCalls,
            priorityGroups: try priorityGroups(top.sections("priority_groups")),
            defaultServiceTime: TimeInterval(serviceMinutes * 60),
            estimateSample: estimateSample
        )
    }

    /// A Unix socket path: at most 107 bytes, the kernel's limit.
    static func socketPath(_ value: ConfigValue) throws(ConfigError) -> String? {
        try value.string("a path of at most 107 bytes (the Unix socket limit)") { $0.utf8.count <= 107 }
    }

    /// `motcua`, `phuong-3`, `000.00.20.H49`: letters A–Z, digits, `.`, `_`, `-`; up to 64.
    static func isSiteID(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first.isNumber, text.count <= 64 else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// A CUPS destination name: printable, no spaces, `/`, `\`, `#` or quotes, up to 127 characters.
    static func isPrinterName(_ text: String) -> Bool {
        text.count <= 127 && text.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value != 0x7F && !$0.properties.isWhitespace && !"/\\#'\"".unicodeScalars.contains($0)
        }
    }
}
