import Foundation
import Testing

@Suite("The demo office", .serialized)
struct DemoOfficeTests {
    @Test("--demo seeds services with Vietnamese names and counters 1 to 6; seeding again changes nothing")
    func seedTwice() async throws {
        let daemon = try DaemonProcess(config: "day: {opens: \"00:00\", closes: \"24:00\"}\n")
        try await daemon.start(["--demo"])
        let services = try await daemon.get("/api/v1/services")
        let names = (services.json as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.count >= 5)
        #expect(names.contains("Hộ tịch"))
        #expect(names.contains { $0.unicodeScalars.contains { $0.value > 0x7F } }, "names carry their diacritics")
        let counters = (try await daemon.get("/api/v1/queue").object["counters"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        #expect(counters == [1, 2, 3, 4, 5, 6])
        // Some state of the day (the demo's services keep their issuing windows under a configuration
        // file, so a ticket may be refused at this hour; an open counter is not).
        #expect(try daemon.cli(["counter", "open", "3"]).status == 0)
        let servicesBefore = try await daemon.get("/api/v1/services").body
        let before = try await daemon.get("/api/v1/queue").body
        #expect(try await daemon.stop() == 0)

        try await daemon.start(["--demo"])
        #expect(try await daemon.get("/api/v1/services").body == servicesBefore, "the same services, nothing added twice")
        #expect(try await daemon.get("/api/v1/queue").body == before, "the day's queue untouched by the second seeding")
        #expect(try await daemon.stop() == 0)
    }
}
