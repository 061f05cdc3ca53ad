import Foundation

extension MotCuaConfiguration {
    /// Every key the configuration file accepts, as a path: `queue.max_wait_minutes`, and `services[].prefix`
    /// for a key of each item of a list. The parser refuses any other key, and a test checks that
    /// `motcua.example.yaml` shows every one of them.
    public static let documentedKeys: [String] = [
        "site.id", "site.name",
        "http.listen",
        "state_dir", "control_socket", "printer",
        "printing.poll_seconds", "printing.language", "printing.templates",
        "printers[].queue", "printers[].role", "printers[].profile", "printers[].kiosks",
        "boards[].path", "boards[].counter", "boards[].profile", "boards[].address",
        "scanners[].path", "scanners[].kiosk", "scanners[].profile", "keypads[].path", "keypads[].counter", "keypads[].profile",
        "workflow.socket", "workflow.embedded", "workflow.agency", "workflow.lookup_timeout_ms", "workflow.outage_seconds",
        "day.opens", "day.closes",
        "queue.priority_policy", "queue.regular_per_priority", "queue.service_order", "queue.max_wait_minutes",
        "queue.no_show_after_calls", "queue.default_service_minutes", "queue.estimate_sample",
        "priority_groups[].code", "priority_groups[].name", "priority_groups[].name_en",
        "services[].id", "services[].code", "services[].name", "services[].name_en", "services[].prefix",
        "services[].format", "services[].digits", "services[].block_start", "services[].windows",
        "services[].daily_quota", "services[].enabled",
        "counters[].number", "counters[].name", "counters[].services",
        "announcements.enabled", "announcements.languages", "announcements.player", "announcements.plays",
        "announcements.max_delay_seconds", "announcements.speed", "announcements.templates",
        "auth.session_hours",
        "pages.language", "pages.templates",
    ]

    /// The prefix of every environment variable that sets a key.
    public static let environmentPrefix = "MOTCUA_"

    /// The keys an environment variable may set (single values outside lists), by variable name:
    /// `MOTCUA_` and the key's path in capitals with `__` between levels, e.g.
    /// `MOTCUA_HTTP__LISTEN` for `http.listen`, `MOTCUA_STATE_DIR` for `state_dir`.
    public static let environmentKeys: [String: String] = {
        var keys: [String: String] = [:]
        for key in documentedKeys where !key.contains("[]") {
            keys[environmentPrefix + key.uppercased().replacingOccurrences(of: ".", with: "__")] = key
        }
        return keys
    }()

    /// `MOTCUA_…` variables that set no key but belong to other tools, and are ignored:
    /// `MOTCUA_CONFIG` (the config file's path, read by the command line) and `MOTCUA_LOG_LEVEL`.
    public static let ignoredEnvironmentVariables: Set<String> = ["MOTCUA_CONFIG", "MOTCUA_LOG_LEVEL"]

    /// Prefixes of `MOTCUA_…` variables that are ignored: `MOTCUA_TEST_` (test harnesses) and
    /// `MOTCUA_BENCH_` (benchmarks).
    public static let ignoredEnvironmentPrefixes: [String] = ["MOTCUA_TEST_", "MOTCUA_BENCH_"]

    /// The configuration used when no file is given: valid, loopback only, no services or counters.
    public static let builtInDefault = """
        # motcua built-in default: no services, no counters, HTTP on loopback only.
        site:
          id: motcua
          name: Bộ phận Một cửa
        http:
          listen: 127.0.0.1:8080
        """

    /// The source name errors give for ``builtInDefault``.
    public static let builtInSource = "built-in"
}
