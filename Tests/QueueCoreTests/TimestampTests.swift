import Foundation
import QueueCore
import Testing

@Suite("Timestamps")
struct TimestampTests {
    @Test("formats with milliseconds and the +07:00 offset")
    func format() {
        #expect(Timestamp.format(Fixture.at("08:00")) == "2026-11-30T08:00:00.000+07:00")
        #expect(Timestamp.format(Fixture.at("08:05").addingTimeInterval(3.12)) == "2026-11-30T08:05:03.120+07:00")
        // 17:30 UTC on 30 November is already 1 December in Vietnam.
        let utc = Date(timeIntervalSince1970: 1_796_059_800)  // 2026-11-30T17:30:00Z
        #expect(Timestamp.format(utc) == "2026-12-01T00:30:00.000+07:00")
    }

    @Test("round-trips at millisecond precision")
    func roundTrip() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let ms = Double(rng.int(0...(400 * 24 * 3600 * 1000)))
            let date = Fixture.at("00:00").addingTimeInterval(ms / 1000)
            let text = Timestamp.format(date)
            #expect(text.hasSuffix("+07:00"), "\(text)")
            let parsed = try #require(Timestamp.parse(text), "\(text)")
            #expect(abs(parsed.timeIntervalSince(date)) < 0.0005, "\(text)")
            #expect(Timestamp.format(parsed) == text)
        }
    }

    @Test("parses other offsets, Z, and no fractional seconds", arguments: [
        "2026-11-30T08:00:00.000+07:00", "2026-11-30T08:00:00+07:00", "2026-11-30T01:00:00Z",
        "2026-11-30T01:00:00.000Z", "2026-11-30T03:00:00+02:00", "2026-11-29T20:00:00-05:00",
    ])
    func parsesOffsets(text: String) {
        #expect(Timestamp.parse(text) == Fixture.at("08:00"))
    }

    @Test("refuses what is not RFC 3339", arguments: ["", "yesterday", "2026-11-30", "30/11/2026 08:00", "2026-11-30T25:00:00+07:00"])
    func refuses(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
