import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Web

/// The public route a hall's TV fetches each call's sound from: real espeak-ng and sox behind it.
@Suite("GET /api/v1/announcements/audio")
struct AnnouncementAudioRouteTests {
    static func sound(_ ticket: String) -> String { "/api/v1/announcements/audio?ticket=\(ticket)&counter=5" }

    @Test("one address gets 60 new sounds a minute (a TV fetches one per call), then 429 rate_limited with the wait; sounds made already still come; a minute later it may again")
    func newSoundsRateLimited() async throws {
        let office = try await TestOffice()
        try await office.application().test(.live) { client in
            for number in 1...60 {
                try await client.execute(uri: Self.sound(String(format: "A%03d", number)), method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "audio/wav")
                }
            }
            try await client.execute(uri: Self.sound("A061"), method: .get) { response in
                #expect(response.status == .tooManyRequests)
                let body = String(buffer: response.body)
                #expect(body.contains("\"rate_limited\""))
                #expect(body.contains("giây"))
            }
            // What is made already costs nothing to send again: never refused.
            for _ in 0..<100 {
                try await client.execute(uri: Self.sound("A001"), method: .get) { response in
                    #expect(response.status == .ok)
                }
            }
            // A bad request says what is wrong, and is not counted.
            try await client.execute(uri: "/api/v1/announcements/audio?ticket=A025&counter=5&lang=fr", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("fr"))
            }
            office.clock.advance(61)
            try await client.execute(uri: Self.sound("A061"), method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
