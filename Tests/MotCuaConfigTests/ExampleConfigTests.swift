import Foundation
import Testing
import QueueCore
@testable import MotCuaConfig

@Suite("The example file and the built-in default")
struct ExampleConfigTests {
    @Test("motcua.example.yaml parses")
    func exampleParses() throws {
        let config = try MotCuaConfiguration.load(file: examplePath, environment: [:])
        #expect(config.siteID == "phuong-thang-tam")
        #expect(config.services.count == 7)
        #expect(config.counters.count == 6)
        #expect(config.counters[0].services == [1, 2, 7])
        #expect(config.queue.priorityGroups == PriorityGroup.usual)
        #expect(config.queue.policy == CallingPolicy())
        #expect(config.embeddedWorkflow)
        #expect(config.services[6].numberFormat == .block(start: 9001))
        #expect(config.services[6].prefix == "")
    }

    @Test("the example's first six services are the demo office's")
    func exampleMatchesDemo() throws {
        let config = try MotCuaConfiguration.load(file: examplePath, environment: [:])
        #expect(Array(config.services.prefix(6)) == DemoOffice.services)
    }

    @Test("the example shows every accepted key")
    func exampleShowsEveryKey() throws {
        let yaml = try String(contentsOfFile: examplePath, encoding: .utf8)
        let present = try ConfigReader.keyPaths(inYAML: yaml)
        let missing = MotCuaConfiguration.documentedKeys.filter { !present.contains($0) }
        #expect(missing.isEmpty, "not in motcua.example.yaml: \(missing)")
        #expect(Set(MotCuaConfiguration.documentedKeys).count == MotCuaConfiguration.documentedKeys.count)
    }

    @Test("the example's environment variables are real ones")
    func exampleVariablesExist() throws {
        let yaml = try String(contentsOfFile: examplePath, encoding: .utf8)
        for name in ["MOTCUA_HTTP__LISTEN", "MOTCUA_STATE_DIR", "MOTCUA_QUEUE__MAX_WAIT_MINUTES"] {
            #expect(yaml.contains(name))
            #expect(MotCuaConfiguration.environmentKeys[name] != nil)
        }
    }

    @Test("no file: the built-in default, valid and empty")
    func builtInDefault() throws {
        let config = try MotCuaConfiguration.load(file: nil, environment: [:])
        #expect(config == MotCuaConfiguration())
        #expect(config.services.isEmpty && config.counters.isEmpty)
        #expect(config.listen == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(config.listen.isLoopback)
        #expect(config.siteID == "motcua" && config.siteName == "Bộ phận Một cửa")
        #expect(config.stateDir == nil && config.controlSocket == nil && config.printer == nil)
        #expect(config.workflowSocket == nil && config.embeddedWorkflow)
        #expect(config.sessionHours == 12)
        #expect(config.queue.workingHours == TimeWindow("07:00-17:30"))
        #expect(config.queue.policy.maxWait == 2700)
        #expect(config.queue.defaultServiceTime == 300)
    }

    @Test("an empty document is the defaults")
    func emptyDocument() throws {
        #expect(try MotCuaConfiguration.parse(yaml: "", source: "x", environment: [:]) == MotCuaConfiguration())
        #expect(try MotCuaConfiguration.parse(yaml: "# nothing\n", source: "x", environment: [:]) == MotCuaConfiguration())
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        #expect(throws: ConfigError(key: "", reason: "no such file", source: "/nonexistent/motcua.yaml")) {
            try MotCuaConfiguration.load(file: "/nonexistent/motcua.yaml", environment: [:])
        }
    }

    @Test("every key is read: a full file sets each value")
    func fullFile() throws {
        let yaml = """
            site: {id: "000.00.20.H49", name: Phường 1}
            http: {listen: "[::1]:9000"}
            state_dir: /var/lib/motcua
            control_socket: /run/motcua/control.sock
            printer: TM-T82III
            workflow: {socket: /run/motcua/workflow.sock, embedded: false}
            day: {opens: "7:30", closes: "16:45"}
            queue: {priority_policy: strict, regular_per_priority: 3, service_order: preference, max_wait_minutes: 0,
                    no_show_after_calls: 3, default_service_minutes: 7, estimate_sample: 10}
            priority_groups: [{code: elderly, name: Người cao tuổi}]
            services:
              - {id: 10, code: ht, name: Hộ tịch, prefix: AB, digits: 4, windows: ["07:30–11:30"], daily_quota: 0, enabled: no}
              - {id: 20, code: CT, name: Chứng thực, format: block, block_start: 1001, daily_quota: 999}
              - {id: 30, code: DD, name: Đất đai, format: block, block_start: 2001}
            counters:
              - {number: 7, name: Quầy tiếp nhận, services: [CT, HT]}
            auth: {session_hours: 8}
            """
        let config = try MotCuaConfiguration.parse(yaml: yaml, source: "motcua.yaml", environment: [:])
        #expect(config.siteID == "000.00.20.H49")
        #expect(config.queue.site == "000.00.20.H49")
        #expect(config.listen == ListenAddress(host: "::1", port: 9000))
        #expect(config.stateDir == "/var/lib/motcua")
        #expect(config.controlSocket == "/run/motcua/control.sock")
        #expect(config.printer == "TM-T82III")
        #expect(config.workflowSocket == "/run/motcua/workflow.sock")
        #expect(!config.embeddedWorkflow)
        #expect(config.queue.workingHours == TimeWindow("07:30-16:45"))
        #expect(config.queue.policy == CallingPolicy(priorityRule: .strict, serviceOrder: .preference, maxWait: nil))
        #expect(config.queue.noShowAfterCalls == 3)
        #expect(config.queue.defaultServiceTime == 420)
        #expect(config.queue.estimateSample == 10)
        #expect(config.queue.priorityGroups == [PriorityGroup(code: "elderly", name: "Người cao tuổi")])
        #expect(config.services[0] == Service(
            id: 10, code: "ht", name: "Hộ tịch", prefix: "AB", numberFormat: .prefixed(digits: 4),
            issuingWindows: [TimeWindow("07:30-11:30")!], dailyQuota: 0, enabled: false
        ))
        #expect(config.services[1].numberFormat == .block(start: 1001))
        #expect(config.counters == [Counter(number: 7, name: "Quầy tiếp nhận", services: [20, 10])])
        #expect(config.sessionHours == 8)
    }

    @Test("blocks in different thousands, or kept apart by quotas, are accepted")
    func separateBlocks() throws {
        let yaml = """
            services:
              - {id: 1, code: HT, name: H, format: block, block_start: 1001, daily_quota: 400}
              - {id: 2, code: CT, name: C, format: block, block_start: 1501}
              - {id: 3, code: DD, name: D, format: block, block_start: 2001}
              - {id: 4, code: XD, name: X, format: block, block_start: 2002, daily_quota: 0}
            """
        let config = try MotCuaConfiguration.parse(yaml: yaml, source: "x", environment: [:])
        #expect(config.services.map(\.numberFormat) == [.block(start: 1001), .block(start: 1501), .block(start: 2001), .block(start: 2002)])
    }

    @Test("interleave takes regular_per_priority; an empty priority list means none")
    func interleaveAndNoGroups() throws {
        let config = try MotCuaConfiguration.parse(
            yaml: "queue: {regular_per_priority: 4}\npriority_groups: []", source: "x", environment: [:]
        )
        #expect(config.queue.policy.priorityRule == .interleave(regularPerPriority: 4))
        #expect(config.queue.priorityGroups.isEmpty)
    }
}
