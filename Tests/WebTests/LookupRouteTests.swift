import Foundation
import Hummingbird
import HummingbirdTesting
import QueueCore
import Store
import Testing
import Web

/// The lookup route's own rules, whatever the workflow core says: the code's shape, the rate limit, the
/// log of lookups. (What the core answers, fresh or stale, is tested against the real core in
/// EndToEndTests/WorkflowLinkTests.)
@Suite("GET /api/v1/dossiers/{code}")
struct LookupRouteTests {
    static let code = "000.00.19.H47-261130-0001"

    @Test("one address gets 30 lookups a minute, then 429 rate_limited with the wait in words; a minute later it may again")
    func rateLimited() async throws {
        let office = try await TestOffice()
        try await office.application().test(.live) { client in
            for _ in 0..<30 {
                try await client.execute(uri: "/api/v1/dossiers/\(Self.code)", method: .get) { response in
                    // This office has no workflow core.
                    #expect(response.status == .serviceUnavailable)
                }
            }
            try await client.execute(uri: "/api/v1/dossiers/\(Self.code)", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                let body = String(buffer: response.body)
                #expect(body.contains("\"rate_limited\""))
                #expect(body.contains("giây"))
            }
            office.clock.advance(61)
            try await client.execute(uri: "/api/v1/dossiers/\(Self.code)", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
            }
        }
    }

    @Test("a well-formed lookup is logged as dossier.looked_up with the code only; a malformed one is not")
    func lookupsLogged() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/dossiers/abc", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/dossiers/\(Self.code)", method: .get) { _ in }
        }
        // The log entry is written beside the answer, not before it.
        var logged: [String] = []
        for _ in 0..<100 {
            logged = try office.store.events(after: 0).filter { $0.type == "dossier.looked_up" }.map(\.body)
            if !logged.isEmpty { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(logged.count == 1)
        #expect(logged.first?.contains("\"data\":{\"code\":\"\(Self.code)\"}") == true)
    }
}
