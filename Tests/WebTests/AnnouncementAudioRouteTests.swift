import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Web

/// The public route a hall's TV fetches each call's sound from: real espeak-ng and sox behind it.
@Suite("GET /api/v1/announcements/audio")
struct AnnouncementAudioRouteTests {
    @Test("one address gets 120 sounds a minute (a TV fetches one per call), then 429 rate_limited with the wait; a minute later it may again")
    func rateLimited() async throws {
        let office = try await TestOffice()
        try await office.application().test(.live) { client in
            // The first one is made (espeak-ng, sox), the others come from the cache.
            for _ in 0..<120 {
                try await client.execute(uri: "/api/v1/announcements/audio?ticket=A025&counter=5", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "audio/wav")
                }
            }
            try await client.execute(uri: "/api/v1/announcements/audio?ticket=A026&counter=5", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                let body = String(buffer: response.body)
                #expect(body.contains("\"rate_limited\""))
                #expect(body.contains("giây"))
            }
            office.clock.advance(61)
            try await client.execute(uri: "/api/v1/announcements/audio?ticket=A026&counter=5", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
