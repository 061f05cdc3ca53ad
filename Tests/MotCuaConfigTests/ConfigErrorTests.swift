import Testing
@testable import MotCuaConfig

/// A document that must be refused, with the key and the words the error must give.
struct BadConfig: Sendable, CustomTestStringConvertible {
    let yaml: String
    let key: String
    let reason: String
    var testDescription: String { "\(key): \(reason)" }

    init(_ yaml: String, _ key: String, _ reason: String) {
        self.yaml = yaml
        self.key = key
        self.reason = reason
    }
}

@Suite("Bad values are refused with the key and the reason")
struct ConfigErrorTests {
    static let unknownKeys: [BadConfig] = [
        BadConfig("sitee: {}", "sitee", "unknown key; allowed here: site, http, state_dir, control_socket, printer, printing, printers, boards, scanners, keypads, workflow, day, queue, priority_groups, services, counters, announcements, auth"),
        BadConfig("queue: {max_wait: 3}", "queue.max_wait", "unknown key; allowed here: priority_policy, regular_per_priority, service_order, max_wait_minutes"),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, colour: red}]", "services[0].colour", "allowed here: id, code, name, name_en, prefix, format, digits, block_start, windows, daily_quota, enabled"),
        BadConfig("counters: [{number: 1, services: [], desk: 2}]", "counters[0].desk", "allowed here: number, name, services"),
        BadConfig("priority_groups: [{code: a, name: A, icon: x}]", "priority_groups[0].icon", "allowed here: code, name, name_en"),
        BadConfig("auth: {password: x}", "auth.password", "allowed here: session_hours"),
    ]

    static let wrongTypes: [BadConfig] = [
        BadConfig("hello", "", "must be a mapping with the keys site, http"),
        BadConfig("site: 5", "site", "must be a mapping with the keys id, name"),
        BadConfig("services: {id: 1}", "services", "must be a list"),
        BadConfig("services: [HT]", "services[0]", "must be a mapping with the keys id, code"),
        BadConfig("site: {name: [a, b]}", "site.name", "must be a single value, not a list"),
        BadConfig("state_dir: {path: /x}", "state_dir", "must be a single value, not a mapping"),
        BadConfig("queue: {max_wait_minutes: ten}", "queue.max_wait_minutes", #"must be a whole number from 0 to 1440, got "ten""#),
        BadConfig("queue: {estimate_sample: 2.5}", "queue.estimate_sample", #"must be a whole number from 1 to 1000, got "2.5""#),
        BadConfig("workflow: {embedded: maybe}", "workflow.embedded", #"must be true or false, got "maybe""#),
        BadConfig("site: {name: \"\"}", "site.name", "must not be empty"),
    ]

    static let badSettings: [BadConfig] = [
        BadConfig("site: {id: Phường 1}", "site.id", "must be 1 to 64 letters A–Z"),
        BadConfig("http: {listen: localhost}", "http.listen", #"must be HOST:PORT with a port from 0 to 65535, an IPv6 address in brackets ([::1]:8080), got "localhost""#),
        BadConfig("http: {listen: \"0.0.0.0:70000\"}", "http.listen", "must be HOST:PORT"),
        BadConfig("http: {listen: \"::1:8080\"}", "http.listen", "must be HOST:PORT"),
        BadConfig("control_socket: /\(String(repeating: "x", count: 120))", "control_socket", "at most 107 bytes"),
        BadConfig("printer: Kiosk printer", "printer", "must be a CUPS queue name"),
        BadConfig("workflow: {socket: /run/w.sock, embedded: true}", "workflow.embedded", "cannot be true when workflow.socket is set"),
        BadConfig("day: {opens: 7h}", "day.opens", #"must be a time HH:MM on the 24-hour clock, got "7h""#),
        BadConfig("day: {closes: \"24:30\"}", "day.closes", "must be a time HH:MM"),
        BadConfig("day: {opens: \"17:00\", closes: \"08:00\"}", "day.closes", "must be after day.opens (17:00), got 08:00"),
        BadConfig("day: {opens: \"18:00\"}", "day.closes", "must be after day.opens (18:00), got 17:30"),
        BadConfig("queue: {priority_policy: fifo}", "queue.priority_policy", #"must be one of strict, interleave, got "fifo""#),
        BadConfig("queue: {service_order: random}", "queue.service_order", #"must be one of oldest, preference, got "random""#),
        BadConfig("queue: {regular_per_priority: 0}", "queue.regular_per_priority", "from 1 to 100"),
        BadConfig("queue: {max_wait_minutes: -5}", "queue.max_wait_minutes", "from 0 to 1440"),
        BadConfig("queue: {no_show_after_calls: 0}", "queue.no_show_after_calls", "from 1 to 10"),
        BadConfig("queue: {default_service_minutes: 0}", "queue.default_service_minutes", "from 1 to 480"),
        BadConfig("auth: {session_hours: 0}", "auth.session_hours", "from 1 to 168"),
        BadConfig("priority_groups: [{code: Elderly, name: Người cao tuổi}]", "priority_groups[0].code", "small letters"),
        BadConfig("priority_groups: [{code: a, name: A}, {code: a, name: B}]", "priority_groups[1].code", #""a" is already the code of priority_groups[0]"#),
        BadConfig("priority_groups: [{code: a}]", "priority_groups[0].name", "is required"),
    ]

    static let badServices: [BadConfig] = [
        BadConfig("services: [{code: HT, name: H, prefix: A}]", "services[0].id", "is required"),
        BadConfig("services: [{id: 0, code: HT, name: H, prefix: A}]", "services[0].id", "from 1 to 999999"),
        BadConfig("services: [{id: 1, name: H, prefix: A}]", "services[0].code", "is required"),
        BadConfig("services: [{id: 1, code: 1HT, name: H, prefix: A}]", "services[0].code", "starting with a letter"),
        BadConfig("services: [{id: 1, code: HT, prefix: A}]", "services[0].name", "is required"),
        BadConfig("services: [{id: 1, code: HT, name: H}]", "services[0].prefix", "is required"),
        BadConfig(twoServices + "\n  - {id: 1, code: DD, name: Đất đai, prefix: C}", "services[2].id", "1 is already the id of services[0]"),
        BadConfig(twoServices + "\n  - {id: 3, code: ht, name: Đất đai, prefix: C}", "services[2].code", #""ht" is already the code of services[0] (codes ignore case)"#),
        BadConfig(twoServices + "\n  - {id: 3, code: DD, name: Đất đai, prefix: B}", "services[2].prefix", #""B" is already the prefix of services[1]"#),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, format: letters}]", "services[0].format", #"must be one of prefixed, block, got "letters""#),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, digits: 7}]", "services[0].digits", "from 1 to 6"),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, digits: 0}]", "services[0].digits", "from 1 to 6"),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, daily_quota: -1}]", "services[0].daily_quota", "from 0 to 999999"),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, digits: 1, daily_quota: 10}]", "services[0].daily_quota", "10 is more tickets than the number format can count in a day (9)"),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, enabled: sometimes}]", "services[0].enabled", "must be true or false"),
        BadConfig("services: [{id: 1, code: HT, name: H, format: block, digits: 3, block_start: 1}]", "services[0].digits", "applies only to format: prefixed"),
        BadConfig("services: [{id: 1, code: HT, name: H, format: block}]", "services[0].block_start", "is required when format is block"),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, block_start: 1001}]", "services[0].block_start", "applies only to format: block"),
        BadConfig(
            "services: [{id: 1, code: HT, name: H, format: block, block_start: 1001}, {id: 2, code: CT, name: C, format: block, block_start: 1501}]",
            "services[1].block_start", "would overlap those of services[0]"
        ),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, windows: \"07:00-11:00\"}]", "services[0].windows", "must be a list"),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, windows: [\"11:00-07:00\"]}]", "services[0].windows[0]", #"must be a time window HH:MM-HH:MM, its start before its end, got "11:00-07:00""#),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, windows: [\"06:30-11:00\"]}]", "services[0].windows[0]", "must lie within the working day 07:00-17:30 (day.opens to day.closes), got 06:30-11:00"),
        BadConfig("services: [{id: 1, code: HT, name: H, prefix: A, windows: [\"07:00-11:00\", \"10:00-12:00\"]}]", "services[0].windows[1]", "10:00-12:00 overlaps services[0].windows[0] (07:00-11:00)"),
    ]

    static let badCounters: [BadConfig] = [
        BadConfig(twoServices + "\ncounters: [{number: 1, services: [HT, XD]}]", "counters[0].services[1]", #"no service has the code "XD"; the codes are: HT, CT"#),
        BadConfig("counters: [{number: 1, services: [HT]}]", "counters[0].services[0]", #"no service has the code "HT"; the codes are: none"#),
        BadConfig(twoServices + "\ncounters: [{number: 1, services: [HT]}, {number: 1, services: [CT]}]", "counters[1].number", "1 is already the number of counters[0]"),
        BadConfig(twoServices + "\ncounters: [{number: 1, services: []}]", "counters[0].services", "must list at least one service code"),
        BadConfig(twoServices + "\ncounters: [{number: 1}]", "counters[0].services", "must list at least one service code"),
        BadConfig(twoServices + "\ncounters: [{number: 1, services: [HT, ht]}]", "counters[0].services[1]", #""ht" is listed twice"#),
        BadConfig(twoServices + "\ncounters: [{services: [HT]}]", "counters[0].number", "is required"),
        BadConfig(twoServices + "\ncounters: [{number: 1000, services: [HT]}]", "counters[0].number", "from 1 to 999"),
    ]

    static let badPrinters: [BadConfig] = [
        BadConfig("printers: [{role: ticket}]", "printers[0].queue", "is required"),
        BadConfig("printers: [{queue: \"may in\"}]", "printers[0].queue", "a CUPS queue name"),
        BadConfig("printers: [{queue: a}, {queue: a}]", "printers[1].queue", "names the CUPS queue \"a\" a second time"),
        BadConfig("printers: [{queue: a, role: fax}]", "printers[0].role", "ticket"),
        BadConfig("printers: [{queue: a, profile: Epson TM}]", "printers[0].profile", "lowercase letters, digits and '-'"),
        BadConfig("printers: [{queue: a, role: document, kiosks: [k1]}]", "printers[0].kiosks[0]", "applies to ticket printers only"),
        BadConfig("printers: [{queue: a, kiosks: [\"kiosk 1\"]}]", "printers[0].kiosks[0]", "a kiosk id"),
        BadConfig("printing: {poll_seconds: 0}", "printing.poll_seconds", "from 1 to 3600"),
        BadConfig("boards: [{counter: 1}]", "boards[0].path", "is required"),
        BadConfig("boards: [{path: tty1, counter: 1}]", "boards[0].path", "an absolute path"),
        BadConfig("boards: [{path: /dev/ttyUSB0, counter: 1}]", "boards[0].path", "/dev/serial/by-id/"),
        BadConfig("boards: [{path: /dev/serial/by-id/a, counter: 0}]", "boards[0].counter", "from 1 to 999"),
        BadConfig("boards: [{path: /dev/serial/by-id/a, counter: 1, address: 100}]", "boards[0].address", "from 0 to 99"),
        BadConfig("boards: [{path: /dev/serial/by-id/a, counter: 1}, {path: /dev/serial/by-id/a, counter: 2}]", "boards[1].address", "already the address of boards[0]"),
        BadConfig("printing: {language: fr}", "printing.language", "vi"),
    ]

    static let badAnnouncements: [BadConfig] = [
        BadConfig("announcements: {languages: [vi, fr]}", "announcements.languages[1]", "vi"),
        BadConfig("announcements: {languages: [vi, vi]}", "announcements.languages[1]", "names vi a second time"),
        BadConfig("announcements: {languages: []}", "announcements.languages", "at least one language"),
        BadConfig("announcements: {plays: 0}", "announcements.plays", "from 1 to 5"),
        BadConfig("announcements: {max_delay_seconds: 5}", "announcements.max_delay_seconds", "from 10 to 600"),
        BadConfig("announcements: {speed: 1000}", "announcements.speed", "from 80 to 300"),
        BadConfig("announcements: {player: \"  \"}", "announcements.player", "a program and its arguments"),
        BadConfig("announcements: {enabled: maybe}", "announcements.enabled", "true"),
        BadConfig("announcements: {voice: espeak}", "announcements.voice", "unknown key"),
    ]

    @Test("bad announcements", arguments: badAnnouncements)
    func badAnnouncement(_ bad: BadConfig) { check(bad) }

    @Test func announcementsDefaultToVietnameseOnThisMachinesSpeaker() throws {
        let defaults = try MotCuaConfiguration.parse(yaml: "site: {id: x}", source: "t.yaml", environment: [:]).announcements
        #expect(defaults == AnnouncementSettings(enabled: true, languages: ["vi"], player: "aplay -q", plays: 2, maxDelaySeconds: 90, speed: 145))
        let set = try MotCuaConfiguration.parse(
            yaml: "announcements: {enabled: false, languages: [vi, en], player: paplay, plays: 1, templates: /etc/motcua/voice}",
            source: "t.yaml", environment: [:]
        ).announcements
        #expect(set.languages == ["vi", "en"])
        #expect(!set.enabled)
        #expect(set.player == "paplay")
        #expect(set.templates == "/etc/motcua/voice")
    }

    @Test("bad printers", arguments: badPrinters)
    func badPrinter(_ bad: BadConfig) { check(bad) }

    @Test("unknown keys", arguments: unknownKeys)
    func unknownKey(_ bad: BadConfig) { check(bad) }

    @Test("wrong types", arguments: wrongTypes)
    func wrongType(_ bad: BadConfig) { check(bad) }

    @Test("bad settings", arguments: badSettings)
    func badSetting(_ bad: BadConfig) { check(bad) }

    @Test("bad services", arguments: badServices)
    func badService(_ bad: BadConfig) { check(bad) }

    @Test("bad counters", arguments: badCounters)
    func badCounter(_ bad: BadConfig) { check(bad) }

    private func check(_ bad: BadConfig, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = configError(bad.yaml) else {
            Issue.record("accepted: \(bad.yaml)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.key == bad.key, "\(error)", sourceLocation: sourceLocation)
        #expect(error.reason.contains(bad.reason), "\(error)", sourceLocation: sourceLocation)
        #expect(error.source == "motcua.yaml", sourceLocation: sourceLocation)
    }

    @Test("the description names the file, the key, the reason and the line")
    func description() throws {
        let yaml = """
            services:
              - {id: 1, code: HT, name: Hộ tịch, prefix: A}
              - {id: 2, code: CT, name: Chứng thực, prefix: a1}
            """
        let error = try #require(configError(yaml))
        #expect(error.description == #"motcua.yaml: services[1].prefix: must be 1 to 3 capital letters A–Z, got "a1" (line 3)"#)
        #expect(error.line == 3)
    }

    @Test("an unknown key's line is given")
    func unknownKeyLine() throws {
        let error = try #require(configError("site:\n  id: x\n\n  nmae: y\n"))
        #expect(error.key == "site.nmae")
        #expect(error.line == 4)
    }

    @Test("YAML syntax errors name the line")
    func syntaxError() throws {
        let error = try #require(configError("site:\n  id: [x\n"))
        #expect(error.key == "")
        #expect(error.reason.hasPrefix("not valid YAML"))
        #expect(error.line != nil)
        #expect(error.description.hasPrefix("motcua.yaml: not valid YAML"))
    }

    @Test("a key twice in one mapping is refused")
    func duplicateKey() throws {
        let error = try #require(configError("site:\n  id: a\n  id: b\n"))
        #expect(error.reason.contains(#"a key appears twice in one mapping: "id""#))
    }
}
