import Foundation
import Testing
import Workflow
import WorkflowCore
import WorkflowProtocol

@Suite struct StoreTests {
    static func event(_ seq: Int64, id: String? = nil) -> WireEvent {
        WireEvent(
            id: id ?? String(format: "00000000-0000-4000-8000-%012d", seq), seq: seq, type: "ticket.issued",
            at: "2026-03-09T09:00:00.000+07:00", site: "thang-tam", data: ["number": .int(seq)]
        )
    }

    @Test func resentEventIsStoredOnce() throws {
        let store = try WorkflowStore()
        let one = Self.event(1)
        #expect(try store.publish(daemonID: "d1", site: "thang-tam", events: [one]) == 1)
        for _ in 0..<3 { #expect(try store.publish(daemonID: "d1", site: "thang-tam", events: [one]) == 1) }
        let stats = try store.stats(daemonID: "d1")
        #expect(stats == EventsStatsResult(received: 4, stored: 1, duplicates: 3, lastSeq: 1))
        #expect(try store.eventBodies(daemonID: "d1") == [try WireJSON.string(one)])
    }

    @Test func ackStopsAtGapAndAdvancesWhenFilled() throws {
        let store = try WorkflowStore()
        #expect(try store.publish(daemonID: "d1", site: "s", events: [Self.event(1), Self.event(2)]) == 2)
        #expect(try store.publish(daemonID: "d1", site: "s", events: [Self.event(4), Self.event(5)]) == 2)
        #expect(try store.stats(daemonID: "d1").stored == 4)
        #expect(try store.ackedSeq(daemonID: "d1") == 2)
        #expect(try store.publish(daemonID: "d1", site: "s", events: [Self.event(3)]) == 5)
        #expect(try store.ackedSeq(daemonID: "d1") == 5)
    }

    @Test func seqTakenByAnotherIdIsRefusedWhole() throws {
        let store = try WorkflowStore()
        try store.publish(daemonID: "d1", site: "s", events: [Self.event(1)])
        #expect(throws: WorkflowStoreError.self) {
            try store.publish(daemonID: "d1", site: "s", events: [Self.event(2), Self.event(1, id: UUID().uuidString)])
        }
        #expect(try store.stats(daemonID: "d1") == EventsStatsResult(received: 1, stored: 1, duplicates: 0, lastSeq: 1))
    }

    @Test func daemonsAreKeptApartAndSummed() throws {
        let store = try WorkflowStore()
        try store.publish(daemonID: "a", site: "s1", events: [Self.event(1), Self.event(2), Self.event(3)])
        try store.publish(daemonID: "b", site: "s2", events: [Self.event(1)])
        try store.publish(daemonID: "b", site: "s2", events: [Self.event(1)])
        #expect(try store.ackedSeq(daemonID: "a") == 3)
        #expect(try store.ackedSeq(daemonID: "b") == 1)
        #expect(try store.ackedSeq(daemonID: "c") == 0)
        #expect(try store.stats(daemonID: "a") == EventsStatsResult(received: 3, stored: 3, duplicates: 0, lastSeq: 3))
        #expect(try store.stats(daemonID: "b") == EventsStatsResult(received: 2, stored: 1, duplicates: 1, lastSeq: 1))
        #expect(try store.stats(daemonID: nil) == EventsStatsResult(received: 5, stored: 4, duplicates: 1, lastSeq: 3))
        #expect(try store.stats(daemonID: "c") == EventsStatsResult(received: 0, stored: 0, duplicates: 0, lastSeq: 0))
    }

    @Test func onDiskStoreSurvivesReopening() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("workflow-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let store = try WorkflowStore(path: path)
            try store.publish(daemonID: "d1", site: "s", events: [Self.event(1), Self.event(2), Self.event(4)])
            #expect(try store.writerSynchronous() == 2)
        }
        let reopened = try WorkflowStore(path: path)
        #expect(try reopened.ackedSeq(daemonID: "d1") == 2)
        #expect(try reopened.publish(daemonID: "d1", site: "s", events: [Self.event(3)]) == 4)
        #expect(try reopened.stats(daemonID: "d1") == EventsStatsResult(received: 4, stored: 4, duplicates: 0, lastSeq: 4))
    }
}

@Suite struct CodeSequenceTests {
    @Test func generatedCodesContinueAfterReopening() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("workflow-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let now = CoreFixture.at("2026-03-09 09:00")
        let params: [String: JSONValue] = ["procedure": "Đăng ký khai sinh", "applicant": "Trần Bình", "processing_days": 1]
        var session = WorkflowSession(daemonID: "d1", site: "s")
        do {
            let handler = WorkflowCoreHandler(
                store: try WorkflowStore(path: path), calendar: CoreFixture.calendar, agency: CoreFixture.agency, clock: { now }
            )
            for expected in ["0001", "0002"] {
                let code = handler.handle(RPCRequest(method: "dossier.receive", params: params, id: 1), session: &session)?
                    .result.value?["code"]
                #expect(code == .string("000.00.19.H47-260309-\(expected)"))
            }
        }
        let handler = WorkflowCoreHandler(
            store: try WorkflowStore(path: path), calendar: CoreFixture.calendar, agency: CoreFixture.agency, clock: { now }
        )
        let code = handler.handle(RPCRequest(method: "dossier.receive", params: params, id: 1), session: &session)?.result.value?["code"]
        #expect(code == "000.00.19.H47-260309-0003")
        #expect(try handler.store.dossiers().map(\.code).count == 3)
    }
}
