import Testing
import QueueCore
@testable import MotCuaConfig

@Suite("MOTCUA_ environment variables")
struct EnvironmentTests {
    @Test("variables override single values, parsed as the key's type")
    func overrides() throws {
        let config = try MotCuaConfiguration.load(file: nil, environment: [
            "MOTCUA_HTTP__LISTEN": "0.0.0.0:8080",
            "MOTCUA_STATE_DIR": "/var/lib/motcua",
            "MOTCUA_QUEUE__MAX_WAIT_MINUTES": "30",
            "MOTCUA_QUEUE__PRIORITY_POLICY": "strict",
            "MOTCUA_SITE__NAME": "Bộ phận Một cửa phường 3",
            "MOTCUA_WORKFLOW__SOCKET": "/run/motcua/workflow.sock",
            "MOTCUA_DAY__OPENS": "07:30",
            "MOTCUA_AUTH__SESSION_HOURS": "8",
            "PATH": "/usr/bin",
        ])
        #expect(config.listen == ListenAddress(host: "0.0.0.0", port: 8080))
        #expect(!config.listen.isLoopback)
        #expect(config.stateDir == "/var/lib/motcua")
        #expect(config.queue.policy.maxWait == 1800)
        #expect(config.queue.policy.priorityRule == .strict)
        #expect(config.siteName == "Bộ phận Một cửa phường 3")
        #expect(config.workflowSocket == "/run/motcua/workflow.sock")
        #expect(!config.embeddedWorkflow)
        #expect(config.queue.workingHours == TimeWindow("07:30-17:30"))
        #expect(config.sessionHours == 8)
    }

    @Test("a variable wins over the file; an empty one restores the default")
    func precedence() throws {
        let yaml = "http: {listen: \"127.0.0.1:9000\"}\nqueue: {max_wait_minutes: 45}\nprinter: kiosk"
        let config = try MotCuaConfiguration.parse(yaml: yaml, source: "motcua.yaml", environment: [
            "MOTCUA_QUEUE__MAX_WAIT_MINUTES": "0",
            "MOTCUA_HTTP__LISTEN": "",
            "MOTCUA_PRINTER": "",
        ])
        #expect(config.queue.policy.maxWait == nil)
        #expect(config.listen.port == 8080)
        #expect(config.printer == nil)
    }

    @Test("a bad value names the variable and the key")
    func badValue() throws {
        let error = try #require(configError("", environment: ["MOTCUA_QUEUE__MAX_WAIT_MINUTES": "soon"]))
        #expect(error.source == "MOTCUA_QUEUE__MAX_WAIT_MINUTES")
        #expect(error.key == "queue.max_wait_minutes")
        #expect(error.line == nil)
        #expect(error.description == #"MOTCUA_QUEUE__MAX_WAIT_MINUTES: queue.max_wait_minutes: must be a whole number from 0 to 1440, got "soon""#)
    }

    @Test("checks across keys see the variable's value")
    func crossCheck() throws {
        let error = try #require(configError("day: {opens: \"08:00\"}", environment: ["MOTCUA_DAY__CLOSES": "07:00"]))
        #expect(error.source == "MOTCUA_DAY__CLOSES")
        #expect(error.key == "day.closes")
        let conflict = try #require(configError("workflow: {embedded: true}", environment: ["MOTCUA_WORKFLOW__SOCKET": "/run/w.sock"]))
        #expect(conflict.key == "workflow.embedded")
        #expect(conflict.source == "motcua.yaml")
    }

    @Test("an unknown MOTCUA_ variable is refused", arguments: [
        "MOTCUA_HTTP_LISTEN", "MOTCUA_LISTEN", "MOTCUA_http__listen", "MOTCUA_QUEUE__MAX_WAIT",
    ])
    func unknownVariable(_ name: String) throws {
        let error = try #require(configError("", environment: [name: "x"]))
        #expect(error.source == name)
        #expect(error.key == "")
        #expect(error.reason.contains("names no configuration key"))
        #expect(error.description.hasPrefix("\(name): names no configuration key"))
    }

    @Test("a near miss gets a suggestion")
    func nearMiss() throws {
        let error = try #require(configError("", environment: ["MOTCUA_QUEUE_MAX_WAIT_MINUTES": "5"]))
        #expect(error.description == "MOTCUA_QUEUE_MAX_WAIT_MINUTES: names no configuration key; did you mean MOTCUA_QUEUE__MAX_WAIT_MINUTES?")
        let lower = try #require(configError("", environment: ["MOTCUA_http__listen": "x"]))
        #expect(lower.reason.contains("did you mean MOTCUA_HTTP__LISTEN?"))
    }

    @Test("a variable naming a mapping or a list is refused", arguments: [
        "MOTCUA_QUEUE", "MOTCUA_SERVICES", "MOTCUA_PRIORITY_GROUPS", "MOTCUA_SITE",
    ])
    func containerVariable(_ name: String) throws {
        let error = try #require(configError("", environment: [name: "x"]))
        #expect(error.source == name)
        #expect(error.reason.contains("only single values can be set from the environment"))
    }

    @Test("variables of other tools are ignored")
    func ignored() throws {
        let config = try MotCuaConfiguration.load(file: nil, environment: [
            "MOTCUA_CONFIG": "/etc/motcua/motcua.yaml",
            "MOTCUA_LOG_LEVEL": "debug",
            "MOTCUA_TEST_WORKFLOW_BIN": "/tmp/x",
            "MOTCUA_BENCH_CLIENTS": "16",
            "HOME": "/root",
        ])
        #expect(config == MotCuaConfiguration())
    }

    @Test("every single-value key outside lists has a variable, and only those")
    func variableNames() {
        let keys = MotCuaConfiguration.environmentKeys
        #expect(keys["MOTCUA_HTTP__LISTEN"] == "http.listen")
        #expect(keys["MOTCUA_STATE_DIR"] == "state_dir")
        #expect(keys["MOTCUA_QUEUE__MAX_WAIT_MINUTES"] == "queue.max_wait_minutes")
        #expect(keys["MOTCUA_SITE__NAME"] == "site.name")
        #expect(keys.values.allSatisfy { !$0.contains("[]") })
        #expect(keys.count == MotCuaConfiguration.documentedKeys.filter { !$0.contains("[]") }.count)
    }
}
