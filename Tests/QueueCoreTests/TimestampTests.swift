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

    @Test("formatting a parsed timestamp gives the same text", arguments: [
        "2027-01-22T16:52:46.805+07:00", "2026-11-30T08:00:03.999+07:00", "2026-11-30T08:00:03.001+07:00",
        "2026-11-30T08:00:03.000+07:00", "2026-12-31T23:59:59.999+07:00", "2026-11-30T17:29:59.805+07:00",
    ])
    func parsedFormatsTheSame(text: String) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(Timestamp.format(date) == text)
    }

    @Test("rounds to the nearest millisecond, carrying into the next second and day")
    func rounding() {
        let base = Fixture.at("08:00")
        #expect(Timestamp.format(base.addingTimeInterval(0.8049)) == "2026-11-30T08:00:00.805+07:00")
        #expect(Timestamp.format(base.addingTimeInterval(0.8044)) == "2026-11-30T08:00:00.804+07:00")
        #expect(Timestamp.format(base.addingTimeInterval(59.9996)) == "2026-11-30T08:01:00.000+07:00")
        #expect(Timestamp.format(Fixture.at("00:00", on: Fixture.tuesday).addingTimeInterval(-0.0002)) == "2026-12-01T00:00:00.000+07:00")
        #expect(Timestamp.format(Fixture.at("00:00", on: Fixture.tuesday).addingTimeInterval(-0.0006)) == "2026-11-30T23:59:59.999+07:00")
    }

    @Test("parses other offsets, Z, and no fractional seconds", arguments: [
        "2026-11-30T08:00:00.000+07:00", "2026-11-30T08:00:00+07:00", "2026-11-30T01:00:00Z",
        "2026-11-30T01:00:00.000Z", "2026-11-30T03:00:00+02:00", "2026-11-29T20:00:00-05:00",
        "2026-11-30T08:00:00.0+07:00", "2026-11-30T08:00:00.000000+07:00",
    ])
    func parsesOffsets(text: String) {
        #expect(Timestamp.parse(text) == Fixture.at("08:00"))
    }

    @Test("refuses what is not RFC 3339", arguments: [
        "", "yesterday", "2026-11-30", "30/11/2026 08:00", "2026-11-30T08:00:00", "2026-11-30 08:00:00+07:00",
        "2026-11-30T25:00:00+07:00", "2026-11-30T24:00:00+07:00", "2026-11-31T08:00:00+07:00", "2026-02-29T08:00:00Z",
        "2026-13-01T08:00:00Z", "2026-11-30T08:60:00Z", "2026-11-30T08:00:61Z", "2026-1-5T8:0:0+07:00",
        "2026-11-30T08:00:00.+07:00", "2026-11-30T08:00:00,5+07:00", "2026-11-30T08:00:00+0700", "2026-11-30T08:00:00+07:00 ",
        "2026-11-30T08:00:00Zjunk",
    ])
    func refuses(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
