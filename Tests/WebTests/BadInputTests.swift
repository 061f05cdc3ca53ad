import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QueueCore
import QueueService
import Store
import Testing
import Web

/// Bad input on every public endpoint: a 4xx with its stable code in the error envelope, a Vietnamese
/// message, and nothing changed.
@Suite struct BadInputTests {
    struct BadTicket: Sendable, CustomTestStringConvertible {
        let name: String
        let body: String
        let status: HTTPResponse.Status
        let code: String
        var testDescription: String { name }
    }

    static let badTickets: [BadTicket] = [
        BadTicket(name: "empty body", body: "", status: .badRequest, code: "bad_request"),
        BadTicket(name: "blank body", body: "  \n ", status: .badRequest, code: "bad_request"),
        BadTicket(name: "malformed JSON", body: "{\"service\": ", status: .badRequest, code: "bad_request"),
        BadTicket(name: "trailing garbage", body: "{\"service\": \"HT\"} x", status: .badRequest, code: "bad_request"),
        BadTicket(name: "JSON array", body: "[{\"service\": \"HT\"}]", status: .badRequest, code: "bad_request"),
        BadTicket(name: "JSON string", body: "\"HT\"", status: .badRequest, code: "bad_request"),
        BadTicket(name: "JSON null", body: "null", status: .badRequest, code: "bad_request"),
        BadTicket(name: "unknown field", body: "{\"service\": \"HT\", \"colour\": \"red\"}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "no service", body: "{}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "service null", body: "{\"service\": null}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "service empty", body: "{\"service\": \"  \"}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "service true", body: "{\"service\": true}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "service false", body: "{\"service\": false}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "service object", body: "{\"service\": {\"id\": 1}}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "service array", body: "{\"service\": [1]}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "service fraction", body: "{\"service\": 1.5}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "priority not a string", body: "{\"service\": \"HT\", \"priority\": 1}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "kiosk not a string", body: "{\"service\": \"HT\", \"kiosk\": true}", status: .badRequest, code: "bad_request"),
        BadTicket(name: "unknown service code", body: "{\"service\": \"XX\"}", status: .notFound, code: "unknown_service"),
        BadTicket(name: "unknown service id", body: "{\"service\": 99}", status: .notFound, code: "unknown_service"),
        BadTicket(name: "lower-case code", body: "{\"service\": \"ht\"}", status: .notFound, code: "unknown_service"),
        BadTicket(name: "disabled service by code", body: "{\"service\": \"DD\"}", status: .conflict, code: "service_closed"),
        BadTicket(name: "disabled service by id", body: "{\"service\": 3}", status: .conflict, code: "service_closed"),
        BadTicket(name: "unknown priority", body: "{\"service\": \"HT\", \"priority\": \"vip\"}", status: .badRequest, code: "unknown_priority"),
    ]

    @Test("POST /api/v1/tickets refuses bad input and changes nothing", arguments: badTickets)
    func badTicket(_ bad: BadTicket) async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            try await client.issue("\"HT\"")  // something to leave unchanged
            let before = try await office.fingerprint()
            let response = try await client.send(.post, "/api/v1/tickets", json: bad.body)
            response.expectError(bad.status, bad.code)
            #expect(try await office.fingerprint() == before)
        }
    }

    @Test func bodyOverSixtyFourKiBIsRefused() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let before = try await office.fingerprint()
            let big = "{\"service\": \"HT\", \"kiosk\": \"" + String(repeating: "k", count: 64 * 1024) + "\"}"
            let response = try await client.send(.post, "/api/v1/tickets", json: big)
            response.expectError(.contentTooLarge, "body_too_large")
            #expect(try await office.fingerprint() == before)
            // Just under the limit is read (and then refused for its own reason, not its size).
            let kiosk = String(repeating: "k", count: 60 * 1024)
            let fits = try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"HT\", \"kiosk\": \"\(kiosk)\"}")
            #expect(fits.status == .created)
        }
    }

    @Test func outsideTheWorkingDayIsRefused() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            office.clock.now = TestOffice.monday.date(at: TimeOfDay("18:00")!, in: OfficeCalendar.vietnam)
            // The day closes because time passed, not because of the request: let that happen first.
            try await office.engine.tick()
            let before = try await office.fingerprint()
            for service in ["\"HT\"", "\"CT\"", "1", "2"] {
                let response = try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \(service)}")
                response.expectError(.conflict, "outside_hours")
            }
            #expect(try await office.fingerprint() == before)
        }
    }

    @Test func outsideTheServiceWindowIsRefused() async throws {
        // 17:10 is inside the working day (07:00-17:30) but after HT's window (07:00-17:00).
        let office = try await TestOffice(at: "17:10")
        try await office.application().test(.router) { client in
            let before = try await office.fingerprint()
            let response = try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"HT\"}")
            response.expectError(.conflict, "outside_hours")
            #expect(try await office.fingerprint() == before)
            try await client.issue("\"CT\"")  // CT has no window of its own
        }
    }

    @Test func quotaReachedIsRefused() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            for expected in ["B001", "B002", "B003"] {
                #expect(try await client.issue("\"CT\"").string("number") == expected)
            }
            let before = try await office.fingerprint()
            let fourth = try await client.send(.post, "/api/v1/tickets", json: "{\"service\": \"CT\"}")
            fourth.expectError(.conflict, "quota_reached")
            let byId = try await client.send(.post, "/api/v1/tickets", json: "{\"service\": 2}")
            byId.expectError(.conflict, "quota_reached")
            #expect(try await office.fingerprint() == before)
        }
    }

    @Test("GET /api/v1/dossiers/{code} refuses a malformed code", arguments: [
        "abc", "000.00.19.H47-260105", "000.00.19.H47-261305-0001", "000.00.19.h47-260105-0001", "000.00.19.H47-260105-01",
    ])
    func malformedDossierCode(_ code: String) async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let before = try await office.fingerprint()
            let response = try await client.send(.get, "/api/v1/dossiers/\(code)")
            response.expectError(.badRequest, "bad_code")
            #expect(try await office.fingerprint() == before)
        }
    }

    @Test func wellFormedDossierCodeHasNobodyToAskYet() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let before = try await office.fingerprint()
            let response = try await client.send(.get, "/api/v1/dossiers/000.00.19.H47-260105-0001")
            response.expectError(.serviceUnavailable, "workflow_unavailable")
            #expect(try await office.fingerprint() == before)
        }
    }

    @Test func unknownTicket() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let issued = try await client.issue("\"HT\"")
            let before = try await office.fingerprint()
            for id in ["no-such-ticket", UUID().uuidString.lowercased()] {
                let response = try await client.send(.get, "/api/v1/tickets/\(id)")
                response.expectError(.notFound, "unknown_ticket")
            }
            #expect(try await office.fingerprint() == before)
            // The one that exists is found.
            let found = try await client.send(.get, "/api/v1/tickets/\(issued.string("id") ?? "")")
            #expect(found.status == .ok)
            #expect(try found.object().string("number") == "A001")
        }
    }

    @Test("GET /api/v1/events refuses a Last-Event-ID that is not a sequence number", arguments: ["abc", "-1", "1.5", "0x10"])
    func badLastEventID(_ value: String) async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let before = try await office.fingerprint()
            let response = try await client.send(.get, "/api/v1/events", headers: [EventStreamHeaders.lastEventID: value])
            response.expectError(.badRequest, "bad_request")
            #expect(office.engine.hub.count == 0, "a refused stream must not stay subscribed")
            #expect(try await office.fingerprint() == before)
        }
    }

    @Test func badAfterParameter() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let response = try await client.send(.get, "/api/v1/events?after=abc")
            response.expectError(.badRequest, "bad_request")
        }
    }

    @Test("unknown paths answer 404 not_found in the error shape", arguments: [
        "/api/v1/nothing", "/nothing", "/api/v2/services", "/api/v1/tickets/a/b",
    ])
    func unknownPath(_ path: String) async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let before = try await office.fingerprint()
            let response = try await client.send(.get, path)
            response.expectError(.notFound, "not_found")
            let post = try await client.send(.post, path, json: "{}")
            post.expectError(.notFound, "not_found")
            #expect(try await office.fingerprint() == before)
        }
    }
}

enum EventStreamHeaders {
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}
