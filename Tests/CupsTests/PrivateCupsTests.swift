import Cups
import CupsTestSupport
import Testing

/// The test harness itself: what a private cupsd must guarantee for the CUPS tests to mean anything.
@Suite("A private cupsd for each test")
struct PrivateCupsTests {
    /// cupsd goes on with its Unix socket alone when its TCP port is taken. The tools (lpadmin) use that
    /// socket and the client uses TCP, so such a cupsd once added a queue to itself while the client asked
    /// another test's cupsd for it ("Not Found"). A taken port is now given up for another.
    @Test("a cupsd whose port another scheduler holds takes another port, and the client reaches that cupsd")
    func takenPortIsGivenUp() async throws {
        try await PrivateCups.with { stranger in
            try await PrivateCups.with(firstPort: stranger.port) { cups in
                #expect(cups.port != stranger.port)
                try await cups.addRawQueue("ticket", deviceURI: "socket://127.0.0.1:9")
                #expect(try await cups.client.destinations().map(\.name) == ["ticket"])
                #expect(try await stranger.client.destinations().isEmpty)
            }
        }
    }
}
