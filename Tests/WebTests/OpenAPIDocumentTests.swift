import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QueueCore
import QueueService
import Store
import Testing
import Web

/// Keeps `Sources/Web/Resources/openapi.json` true: the document parses and is well-formed, its paths and
/// methods are exactly the router's routes, and real answers of a realistic day validate against the
/// schemas it documents for their status (as do the events the SSE stream sends).
@Suite struct OpenAPIDocumentTests {
    // MARK: (a) the served document

    @Test func servedDocumentIsOpenAPI31() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let served = try OpenAPIJSON.parse(Data(response.body.readableBytesView))
            let version = try #require(served["openapi"]?.stringValue, "no \"openapi\" version")
            #expect(version.hasPrefix("3.1."), "openapi is \(version), not 3.1.x")
            #expect(served["info"]?["title"]?.stringValue?.isEmpty == false)
            #expect(served["paths"]?.objectValue?.isEmpty == false)
            #expect(served == (try OpenAPIJSON.parse(try OpenAPIDocument.json())), "the served document is not the resource")
        }
    }

    /// Every `$ref` resolves, every schema keeps to the keywords the validator below checks, every
    /// path parameter is declared, every error answer names its codes and uses the error envelope.
    @Test func documentIsWellFormed() throws {
        let spec = try OpenAPISpec.load()
        var problems: [String] = []
        func walk(_ value: OpenAPIJSON, _ pointer: String) {
            switch value {
            case .object(let object):
                if let ref = object["$ref"]?.stringValue, spec.resolve(ref) == nil { problems.append("\(pointer): $ref \(ref) does not resolve") }
                for (key, child) in object { walk(child, "\(pointer)/\(key)") }
            case .array(let array):
                for (i, child) in array.enumerated() { walk(child, "\(pointer)/\(i)") }
            default: break
            }
        }
        walk(spec.document, "#")

        for (name, schema) in spec.document["components"]?["schemas"]?.objectValue ?? [:] {
            problems += OpenAPISchemaValidator.unsupportedKeywords(schema, at: "#/components/schemas/\(name)")
        }
        var operationIds: Set<String> = []
        for (path, method, operation) in spec.operations {
            let label = "\(method) \(path)"
            if let id = operation["operationId"]?.stringValue {
                if !operationIds.insert(id).inserted { problems.append("\(label): operationId \(id) used twice") }
            } else {
                problems.append("\(label): no operationId")
            }
            if (operation["summary"]?.stringValue ?? "").isEmpty { problems.append("\(label): no summary") }
            let parameters = (operation["parameters"]?.arrayValue ?? []).map { spec.deref($0) }
            let declared = Set(parameters.filter { $0["in"]?.stringValue == "path" }.compactMap { $0["name"]?.stringValue })
            let inTemplate = Set(path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) })
            if declared != inTemplate { problems.append("\(label): path parameters \(declared.sorted()) declared, \(inTemplate.sorted()) in the path") }
            for parameter in parameters {
                if let schema = parameter["schema"] { problems += OpenAPISchemaValidator.unsupportedKeywords(schema, at: "\(label) parameter") }
            }
            if let body = operation["requestBody"], let schema = body["content"]?["application/json"]?["schema"] {
                problems += OpenAPISchemaValidator.unsupportedKeywords(schema, at: "\(label) request body")
                if spec.deref(schema)["additionalProperties"] != .bool(false) {
                    problems.append("\(label): the server refuses unknown fields, the request schema should say additionalProperties: false")
                }
            }
            let responses = try #require(operation["responses"]?.objectValue, "\(label): no responses")
            for (status, raw) in responses {
                let response = spec.deref(raw)
                if (response["description"]?.stringValue ?? "").isEmpty { problems.append("\(label) \(status): no description") }
                for (media, content) in response["content"]?.objectValue ?? [:] {
                    if let schema = content["schema"] { problems += OpenAPISchemaValidator.unsupportedKeywords(schema, at: "\(label) \(status) \(media)") }
                }
                guard status == "default" || status.hasPrefix("4") || status.hasPrefix("5") else { continue }
                if response["x-error-codes"]?.arrayValue?.isEmpty != false { problems.append("\(label) \(status): no x-error-codes") }
                if response["content"]?["application/json"]?["schema"] != .object(["$ref": .string("#/components/schemas/Error")]) {
                    problems.append("\(label) \(status): an error answer must use #/components/schemas/Error")
                }
            }
        }
        #expect(problems.isEmpty, "\n\(problems.sorted().joined(separator: "\n"))")
    }

    /// The enums the document spells out are the code's.
    @Test func documentedEnumsAreTheCodes() throws {
        let spec = try OpenAPISpec.load()
        func documented(_ name: String) -> Set<String> {
            Set(spec.document["components"]?["schemas"]?[name]?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        #expect(documented("EventType") == Set(EventType.allCases.map(\.rawValue)))
        #expect(documented("TicketState") == Set(TicketState.allCases.map(\.rawValue)))
        #expect(documented("CounterState") == Set(CounterState.allCases.map(\.rawValue)))
        #expect(documented("Role") == Set(Role.allCases.map(\.rawValue)))
        #expect(documented("DayPhase") == Set([DayPhase.notOpened, .open, .closed].map(\.rawValue)))
    }

    // MARK: (b) the routes

    /// The router's own list of routes (Hummingbird's `Router.routes`) is the document's, both ways.
    @Test func documentedRoutesAreTheRoutersRoutes() async throws {
        let spec = try OpenAPISpec.load()
        let office = try await TestOffice()
        let router = WebRouter.make(office: office.office, trustLocal: false)
        let registered = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        let documented = Set(spec.operations.map { "\($0.method) \($0.path)" })
        #expect(registered.count >= 20, "the router lists only \(registered.sorted())")
        #expect(registered.subtracting(documented).isEmpty, "routes missing from openapi.json: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented routes the router does not have: \(documented.subtracting(registered).sorted())")
    }

    /// Every documented operation, asked without credentials, answers (not the router's "no such route"
    /// 404), with 401 exactly when it documents a security requirement, in a documented shape.
    @Test func everyDocumentedRouteAnswersAndGuardsAsDocumented() async throws {
        let spec = try OpenAPISpec.load()
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            var harness = OpenAPIHarness(spec: spec)
            for (path, method, operation) in spec.operations {
                let uri = Self.probeURI(path)
                let response = try await client.execute(uri: uri, method: try #require(HTTPRequest.Method(method)))
                let body = try? OpenAPIJSON.parse(Data(response.body.readableBytesView))
                let code = body?["error"]?["code"]?.stringValue
                #expect(!(response.status == .notFound && code == "not_found"), "\(method) \(path): the router has no such route")
                let secured = operation["security"]?.arrayValue?.isEmpty == false
                if secured {
                    #expect(response.status == .unauthorized && code == "unauthorized", "\(method) \(path) is documented as needing a login, but answered \(response.status.code) without one")
                } else {
                    #expect(response.status != .unauthorized, "\(method) \(path) answers 401 without a login, but documents no security")
                }
                harness.validate(response, method: method, template: path, uri: uri)
            }
        }
    }

    /// Every documented request body refuses unknown fields, and so does the server.
    @Test func unknownRequestFieldsAreRefusedAsDocumented() async throws {
        let spec = try OpenAPISpec.load()
        let office = try await TestOffice()
        try await office.controlApplication().test(.router) { admin in
            var harness = OpenAPIHarness(spec: spec)
            for (path, method, operation) in spec.operations where operation["requestBody"] != nil {
                let schema = try #require(operation["requestBody"]?["content"]?["application/json"]?["schema"])
                let stray: OpenAPIJSON = .object(["zz_not_a_field": .integer(1)])
                #expect(!harness.validator.errors(stray, schema).isEmpty, "\(method) \(path): the document accepts an unknown field")
                let uri = Self.probeURI(path)
                let response = try await admin.execute(
                    uri: uri, method: try #require(HTTPRequest.Method(method)), headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: "{\"zz_not_a_field\": 1}")
                )
                let code = try? OpenAPIJSON.parse(Data(response.body.readableBytesView))["error"]?["code"]?.stringValue
                #expect(response.status == .badRequest && code == "bad_request", "\(method) \(path) took an unknown field: \(response.status.code) \(String(buffer: response.body))")
                harness.validate(response, method: method, template: path, uri: uri)
            }
        }
    }

    /// A concrete URI for a documented path: counter 1, an unknown ticket, a malformed dossier code.
    static func probeURI(_ template: String) -> String {
        let uri = template
            .replacingOccurrences(of: "{n}", with: "1")
            .replacingOccurrences(of: "{id}", with: "no-such-ticket")
            .replacingOccurrences(of: "{code}", with: "not-a-code")
            .replacingOccurrences(of: "{name}", with: "nobody")
        // The event stream never ends; a bad resume point makes it answer at once.
        return template == "/api/v1/events" ? uri + "?after=x" : uri
    }

    // MARK: (c) real answers against the documented schemas

    @Test func realAnswersMatchTheDocumentedSchemas() async throws {
        let spec = try OpenAPISpec.load()
        let office = try await TestOffice()
        let clerk = try await office.clerkToken()
        let app = office.application()
        let control = office.controlApplication()
        try await app.test(.router) { client in
            try await control.test(.router) { admin in
                var h = OpenAPIHarness(spec: spec)
                let dossier = "000.00.19.H47-260105-0001"

                // Health and the document.
                try await h.call(client, .get, "/healthz", expect: .ok)
                try await h.call(client, .get, "/readyz", expect: .ok)
                try await h.call(client, .get, "/metrics", expect: .ok)
                try await h.call(client, .get, "/api/v1/openapi.json", expect: .ok)

                // The kiosk: services (every counter closed: no estimate), groups, tickets.
                try await h.call(client, .get, "/api/v1/services", expect: .ok)
                try await h.call(client, .get, "/api/v1/priority-groups", expect: .ok)
                let first = try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "HT"}"#, expect: .created)
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": 2, "priority": "elderly", "kiosk": "kiosk-1"}"#, expect: .created)
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "CT", "priority": null}"#, expect: .created)
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "CT"}"#, expect: .created)
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "CT"}"#, expect: .conflict, code: "quota_reached")
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "HT", "priority": "pregnant"}"#, expect: .created)
                for _ in 0..<3 { try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "HT"}"#, expect: .created) }
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "DD"}"#, expect: .conflict, code: "service_closed")
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "XX"}"#, expect: .notFound, code: "unknown_service")
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "HT", "priority": "vip"}"#, expect: .badRequest, code: "unknown_priority")
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": true}"#, expect: .badRequest, code: "bad_request")
                try await h.call(client, .post, "/api/v1/tickets", json: "{\"service\": \"HT\", \"kiosk\": \"\(String(repeating: "x", count: 70_000))\"}",
                                 expect: .contentTooLarge, code: "body_too_large", checkRequest: false)
                let firstID = try #require(first?["id"]?.stringValue)
                try await h.call(client, .get, "/api/v1/tickets/{id}", "/api/v1/tickets/\(firstID)", expect: .ok)
                try await h.call(client, .get, "/api/v1/tickets/{id}", "/api/v1/tickets/nope", expect: .notFound, code: "unknown_ticket")
                try await h.call(client, .get, "/api/v1/queue", expect: .ok)

                // Lookup and the event stream's refusals.
                try await h.call(client, .get, "/api/v1/dossiers/{code}", "/api/v1/dossiers/abc", expect: .badRequest, code: "bad_code")
                try await h.call(client, .get, "/api/v1/dossiers/{code}", "/api/v1/dossiers/\(dossier)", expect: .serviceUnavailable, code: "workflow_unavailable")
                try await h.call(client, .get, "/api/v1/events", "/api/v1/events?after=-1", expect: .badRequest, code: "bad_request")

                // A clerk of counter 1 with a bearer token.
                try await h.call(client, .get, "/api/v1/me", bearer: clerk, expect: .ok)
                try await h.call(client, .get, "/api/v1/counters", bearer: clerk, expect: .ok)
                let c = "/api/v1/counters/{n}/"
                try await h.call(client, .post, c + "next", "/api/v1/counters/1/next", bearer: clerk, expect: .conflict, code: "counter_closed")
                try await h.call(client, .post, c + "open", "/api/v1/counters/1/open", bearer: clerk, expect: .ok)
                try await h.call(client, .post, c + "open", "/api/v1/counters/2/open", bearer: clerk, expect: .forbidden, code: "forbidden")
                try await h.call(client, .post, c + "open", "/api/v1/counters/abc/open", bearer: clerk, expect: .badRequest, code: "bad_request")
                try await h.call(client, .get, "/api/v1/services", expect: .ok)
                try await h.call(client, .post, c + "recall", "/api/v1/counters/1/recall", bearer: clerk, expect: .conflict, code: "no_current_ticket")
                office.clock.advance(60)
                try await h.call(client, .post, c + "next", "/api/v1/counters/1/next", bearer: clerk, expect: .ok)
                try await h.call(client, .post, c + "recall", "/api/v1/counters/1/recall", bearer: clerk, expect: .ok)
                try await h.call(client, .post, c + "start", "/api/v1/counters/1/start", bearer: clerk, expect: .ok)
                try await h.call(client, .post, c + "recall", "/api/v1/counters/1/recall", bearer: clerk, expect: .conflict, code: "not_serving")
                try await h.call(client, .post, c + "close", "/api/v1/counters/1/close", bearer: clerk, expect: .conflict, code: "counter_busy")
                try await h.call(client, .post, c + "done", "/api/v1/counters/1/done", json: #"{"rating": 9}"#, bearer: clerk, expect: .badRequest, code: "bad_rating", checkRequest: false)
                try await h.call(client, .post, c + "done", "/api/v1/counters/1/done", json: #"{"dossier": "abc"}"#, bearer: clerk, expect: .badRequest, code: "bad_code")
                try await h.call(client, .post, c + "done", "/api/v1/counters/1/done", json: #"{"rating": "5"}"#, bearer: clerk, expect: .badRequest, code: "bad_request")
                office.clock.advance(240)
                try await h.call(client, .post, c + "done", "/api/v1/counters/1/done", json: "{\"dossier\": \"\(dossier)\", \"rating\": 5}", bearer: clerk, expect: .ok)
                try await h.call(client, .get, "/api/v1/services", expect: .ok)

                let second = try await h.call(client, .post, c + "next", "/api/v1/counters/1/next", bearer: clerk, expect: .ok)
                try await h.call(client, .get, "/api/v1/queue", expect: .ok)
                try await h.call(client, .get, "/api/v1/tickets/{id}", "/api/v1/tickets/\(try #require(second?["id"]?.stringValue))", expect: .ok)
                try await h.call(client, .get, "/api/v1/tickets/{id}/qr.svg", "/api/v1/tickets/\(try #require(second?["id"]?.stringValue))/qr.svg", expect: .ok)
                try await h.call(client, .get, "/api/v1/tickets/{id}/qr.svg", "/api/v1/tickets/nope/qr.svg", expect: .notFound, code: "unknown_ticket")
                try await h.call(client, .post, c + "transfer", "/api/v1/counters/1/transfer", json: #"{"counter": 1}"#, bearer: clerk, expect: .badRequest, code: "bad_transfer")
                try await h.call(client, .post, c + "transfer", "/api/v1/counters/1/transfer", json: #"{}"#, bearer: clerk, expect: .badRequest, code: "bad_request")
                try await h.call(client, .post, c + "transfer", "/api/v1/counters/1/transfer", json: #"{"service": "HT", "counter": 3}"#, bearer: clerk, expect: .badRequest, code: "bad_request", checkRequest: false)
                try await h.call(client, .post, c + "transfer", "/api/v1/counters/1/transfer", json: #"{"counter": 99}"#, bearer: clerk, expect: .notFound, code: "unknown_counter")
                try await h.call(client, .post, c + "transfer", "/api/v1/counters/1/transfer", json: #"{"counter": 3}"#, bearer: clerk, expect: .ok)
                try await h.call(client, .get, "/api/v1/queue", expect: .ok)

                let third = try await h.call(client, .post, c + "next", "/api/v1/counters/1/next", bearer: clerk, expect: .ok)
                try await h.call(client, .post, c + "transfer", "/api/v1/counters/1/transfer", json: #"{"service": "XX"}"#, bearer: clerk, expect: .notFound, code: "unknown_service")
                let other = third?["service"]?.stringValue == "HT" ? "\"CT\"" : "1"
                try await h.call(client, .post, c + "transfer", "/api/v1/counters/1/transfer", json: "{\"service\": \(other)}", bearer: clerk, expect: .ok)

                try await h.call(client, .post, c + "next", "/api/v1/counters/1/next", bearer: clerk, expect: .ok)
                try await h.call(client, .post, c + "no-show", "/api/v1/counters/1/no-show", bearer: clerk, expect: .conflict, code: "too_few_calls")
                try await h.call(client, .post, c + "recall", "/api/v1/counters/1/recall", bearer: clerk, expect: .ok)
                try await h.call(client, .post, c + "no-show", "/api/v1/counters/1/no-show", bearer: clerk, expect: .ok)
                try await h.call(client, .post, c + "done", "/api/v1/counters/1/done", bearer: clerk, expect: .conflict, code: "no_current_ticket")
                try await h.call(client, .post, c + "start", "/api/v1/counters/1/start", bearer: clerk, expect: .conflict, code: "no_current_ticket")
                try await h.call(client, .post, c + "pause", "/api/v1/counters/1/pause", bearer: clerk, expect: .ok)
                try await h.call(client, .post, c + "next", "/api/v1/counters/1/next", bearer: clerk, expect: .conflict, code: "counter_paused")
                try await h.call(client, .post, c + "open", "/api/v1/counters/1/open", bearer: clerk, expect: .ok)
                var emptied = false
                for _ in 0..<20 where !emptied {
                    office.clock.advance(120)
                    let status = try await h.call(client, .post, c + "next", "/api/v1/counters/1/next", bearer: clerk, expect: nil)
                    emptied = status == nil
                }
                #expect(emptied, "counter 1 never ran out of tickets")
                try await h.call(client, .post, c + "close", "/api/v1/counters/1/close", bearer: clerk, expect: .ok)
                try await h.call(client, .get, c + "tickets", "/api/v1/counters/1/tickets", bearer: clerk, expect: .ok)
                try await h.call(client, .get, c + "tickets", "/api/v1/counters/2/tickets", bearer: clerk, expect: .forbidden, code: "forbidden")

                // The local administrator on the control socket: any counter, accounts, tokens.
                try await h.call(admin, .post, c + "open", "/api/v1/counters/99/open", expect: .notFound, code: "unknown_counter")
                try await h.call(admin, .post, c + "open", "/api/v1/counters/3/open", expect: .ok)
                try await h.call(admin, .get, "/api/v1/counters", expect: .ok)
                try await h.call(admin, .post, c + "next", "/api/v1/counters/3/next", expect: .ok)
                try await h.call(admin, .get, "/api/v1/counters", expect: .ok)
                try await h.call(admin, .post, c + "done", "/api/v1/counters/3/done", json: "", expect: .ok)
                try await h.call(admin, .get, "/api/v1/users", expect: .ok)
                let lan = try await h.call(admin, .post, "/api/v1/users", json: #"{"name": "lan.nguyen", "role": "clerk", "counter": 2}"#, expect: .created)
                try await h.call(admin, .post, "/api/v1/users", json: #"{"name": "chi", "role": "admin", "counter": null}"#, expect: .created)
                try await h.call(admin, .post, "/api/v1/users", json: #"{"name": "lan.nguyen", "role": "clerk"}"#, expect: .conflict, code: "name_taken")
                try await h.call(admin, .post, "/api/v1/users", json: #"{"name": "Lan Nguyễn!", "role": "clerk"}"#, expect: .badRequest, code: "bad_name")
                try await h.call(admin, .post, "/api/v1/users", json: #"{"name": "boss", "role": "boss"}"#, expect: .badRequest, code: "bad_request", checkRequest: false)
                try await h.call(admin, .post, "/api/v1/users", json: #"{"name": "lan2", "role": "clerk", "counter": 99}"#, expect: .notFound, code: "unknown_counter")
                try await h.call(admin, .get, "/api/v1/users", expect: .ok)
                try await h.call(admin, .post, "/api/v1/users/{name}/tokens", "/api/v1/users/lan.nguyen/tokens", expect: .created)
                try await h.call(admin, .post, "/api/v1/users/{name}/tokens", "/api/v1/users/nobody/tokens", expect: .notFound, code: "unknown_user")
                try await h.call(client, .get, "/api/v1/users", bearer: clerk, expect: .forbidden, code: "forbidden")
                try await h.call(client, .get, "/api/v1/users", expect: .unauthorized, code: "unauthorized")

                // The incident log and the devices: an incident still going on and one that ended.
                try office.store.record(Incident(kind: .hardware, device: "kiosk-printer", cause: "Hết giấy", startedAt: office.clock.now))
                try office.store.record(Incident(kind: .power, cause: "Mất điện", startedAt: office.clock.now - 3600, endedAt: office.clock.now - 600))
                try await h.call(admin, .get, "/api/v1/incidents", expect: .ok)
                try await h.call(admin, .get, "/api/v1/incidents", "/api/v1/incidents?since=2026-11-30", expect: .ok)
                try await h.call(admin, .get, "/api/v1/incidents", "/api/v1/incidents?since=30/11/2026", expect: .badRequest, code: "bad_request")
                try await h.call(client, .get, "/api/v1/incidents", bearer: clerk, expect: .forbidden, code: "forbidden")
                try await h.call(admin, .get, "/api/v1/devices", expect: .ok)
                // A kiosk with no scanner has no scan stream (the stream itself is tested with a mocked scanner).
                try await h.call(client, .get, "/api/v1/kiosks/{kiosk}/scans", "/api/v1/kiosks/tra-cuu-1/scans", expect: .notFound, code: "no_scanner")

                // The announcements: their sound for displays, the announcer's queue, one asked for by hand.
                try await h.call(client, .get, "/api/v1/announcements/audio", "/api/v1/announcements/audio?ticket=A025&counter=5", expect: .ok)
                try await h.call(client, .get, "/api/v1/announcements/audio", "/api/v1/announcements/audio?ticket=A-25&counter=5", expect: .badRequest, code: "bad_request")
                try await h.call(admin, .post, "/api/v1/announcements", json: #"{"ticket": "B012", "counter": 15}"#, expect: .accepted)
                try await h.call(admin, .post, "/api/v1/announcements", json: #"{"ticket": "B012", "counter": 0}"#, expect: .badRequest, code: "bad_request", checkRequest: false)
                try await h.call(admin, .get, "/api/v1/announcements", expect: .ok)
                try await h.call(client, .get, "/api/v1/announcements", bearer: clerk, expect: .forbidden, code: "forbidden")

                // Login with the one-time password, change it, log in again, log out.
                let password = try #require(lan?["password"]?.stringValue)
                try await h.call(client, .post, "/api/v1/login", json: #"{"name": "lan.nguyen", "password": "wrong"}"#, expect: .unauthorized, code: "bad_credentials")
                try await h.call(client, .post, "/api/v1/login", json: #"{"name": "lan.nguyen"}"#, expect: .badRequest, code: "bad_request", checkRequest: false)
                let session = try await h.login(client, name: "lan.nguyen", password: password)
                try await h.call(client, .get, "/api/v1/me", cookie: session, expect: .ok)
                try await h.call(client, .get, "/api/v1/counters", cookie: session, expect: .forbidden, code: "password_change_required")
                try await h.call(client, .post, "/api/v1/password", json: "{\"current\": \"\(password)\", \"new\": \"short\"}", cookie: session, expect: .badRequest, code: "weak_password", checkRequest: false)
                try await h.call(client, .post, "/api/v1/password", json: #"{"current": "wrong-password", "new": "mật-khẩu-mới-2"}"#, cookie: session, expect: .unauthorized, code: "bad_credentials")
                try await h.call(client, .post, "/api/v1/password", json: "{\"current\": \"\(password)\", \"new\": \"mật-khẩu-mới-2\"}", cookie: session, expect: .noContent)
                try await h.call(client, .get, "/api/v1/me", cookie: session, expect: .unauthorized, code: "unauthorized")
                let again = try await h.login(client, name: "lan.nguyen", password: "mật-khẩu-mới-2")
                try await h.call(client, .post, c + "open", "/api/v1/counters/2/open", cookie: again, expect: .ok)
                try await h.call(client, .post, c + "close", "/api/v1/counters/2/close", cookie: again, expect: .ok)
                try await h.call(client, .post, "/api/v1/logout", cookie: again, expect: .noContent)
                try await h.call(client, .get, "/api/v1/me", cookie: again, expect: .unauthorized, code: "unauthorized")

                // Late in the day: outside the service's issuing window; the day itself is still open.
                office.clock.now = TestOffice.monday.date(at: TimeOfDay("17:10")!, in: OfficeCalendar.vietnam)
                try await h.call(client, .post, "/api/v1/tickets", json: #"{"service": "HT"}"#, expect: .conflict, code: "outside_hours")
                try await h.call(client, .get, "/api/v1/services", expect: .ok)
                try await h.call(client, .get, "/readyz", expect: .ok)

                // An address that is not there: the error envelope, `not_found`.
                let nowhere = try await client.execute(uri: "/api/v1/nowhere", method: .get)
                #expect(nowhere.status == .notFound)
                h.expectValid(try OpenAPIJSON.parse(Data(nowhere.body.readableBytesView)), "#/components/schemas/Error", "GET /api/v1/nowhere")

                // What the event stream sends as `data:` for every event of the day.
                let events = try office.store.events(after: 0, limit: 10_000)
                #expect(events.count > 20)
                for event in events {
                    let body = try OpenAPIJSON.parse(Data(event.body.utf8))
                    h.expectValid(body, "#/components/schemas/Event", "event \(event.seq) (\(event.type))")
                    #expect(body["type"]?.stringValue == event.type && body["seq"] == .integer(event.seq), "event \(event.seq): the frame's id/event disagree with its data")
                }

                // Every documented operation was seen at least once.
                let missed = Set(spec.operations.map { "\($0.method) \($0.path)" }).subtracting(h.covered)
                #expect(missed.isEmpty, "operations no answer was validated for: \(missed.sorted())")
            }
        }
    }
}

// MARK: - The document

/// The OpenAPI document and what it documents.
struct OpenAPISpec: Sendable {
    let document: OpenAPIJSON

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static func load() throws -> OpenAPISpec {
        OpenAPISpec(document: try OpenAPIJSON.parse(try OpenAPIDocument.json()))
    }

    /// Every operation: its path template, upper-case method, and the operation object.
    var operations: [(path: String, method: String, operation: OpenAPIJSON)] {
        (document["paths"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.flatMap { path, item in
            Self.methods.compactMap { method in item[method].map { (path, method.uppercased(), $0) } }
        }
    }

    func operation(_ method: String, _ path: String) -> OpenAPIJSON? {
        document["paths"]?[path]?[method.lowercased()]
    }

    /// The value a local `$ref` (a JSON pointer into this document) names.
    func resolve(_ ref: String) -> OpenAPIJSON? {
        guard ref.hasPrefix("#") else { return nil }
        var value: OpenAPIJSON? = document
        for token in ref.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch value {
            case .object(let object): value = object[key]
            case .array(let array): value = Int(key).flatMap { array.indices.contains($0) ? array[$0] : nil }
            default: return nil
            }
        }
        return value
    }

    /// A response or parameter object, following its `$ref`.
    func deref(_ value: OpenAPIJSON) -> OpenAPIJSON {
        var value = value
        var hops = 0
        while let ref = value["$ref"]?.stringValue, let target = resolve(ref), hops < 10 {
            value = target
            hops += 1
        }
        return value
    }
}

// MARK: - Checking answers

/// Sends requests, checks each answer against the operation's documented answer for its status, and
/// remembers which operations were seen.
struct OpenAPIHarness {
    let spec: OpenAPISpec
    /// For request bodies: `null` counts as absent.
    let validator: OpenAPISchemaValidator
    /// For answers: an optional field is absent, never `null`.
    let answerValidator: OpenAPISchemaValidator
    private(set) var covered: Set<String> = []

    init(spec: OpenAPISpec) {
        self.spec = spec
        validator = OpenAPISchemaValidator(spec: spec)
        answerValidator = OpenAPISchemaValidator(spec: spec, optionalMeansAbsent: true)
    }

    /// Sends one request, expects `status` (any 200 or 204 when nil: the answer to "next"), checks the
    /// error code when given, validates the answer (and, for a 2xx, the request body) against the document.
    /// Returns the JSON answer, or nil when there is none.
    @discardableResult
    mutating func call(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ template: String, _ uri: String? = nil,
        json: String? = nil, bearer: String? = nil, cookie: String? = nil,
        expect status: HTTPResponse.Status?, code: String? = nil, checkRequest: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> OpenAPIJSON? {
        var headers: HTTPFields = [:]
        if json != nil { headers[.contentType] = "application/json" }
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        if let cookie { headers[.cookie] = "motcua_session=\(cookie)" }
        let uri = uri ?? template
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        let text = String(buffer: response.body)
        let label = "\(method.rawValue) \(uri)"
        if let status {
            #expect(response.status == status, "\(label): expected \(status.code), got \(response.status.code) \(text)", sourceLocation: sourceLocation)
        } else {
            #expect(response.status == .ok || response.status == .noContent, "\(label): got \(response.status.code) \(text)", sourceLocation: sourceLocation)
        }
        let body = response.body.readableBytes == 0 ? nil : try? OpenAPIJSON.parse(Data(response.body.readableBytesView))
        if let code {
            #expect(body?["error"]?["code"]?.stringValue == code, "\(label): expected code \(code), got \(text)", sourceLocation: sourceLocation)
        }
        validate(response, method: method.rawValue, template: template, uri: uri, sourceLocation: sourceLocation)
        // A body the server refused as malformed may well be outside the documented schema; any other it took as well-formed.
        if checkRequest, let json, !json.isEmpty, code != "bad_request" {
            checkRequestBody(json, method: method.rawValue, template: template, label: label, sourceLocation: sourceLocation)
        }
        return body
    }

    /// Logs in and returns the session cookie's value.
    mutating func login(_ client: any TestClientProtocol, name: String, password: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let body: OpenAPIJSON = .object(["name": .string(name), "password": .string(password)])
        let response = try await client.execute(
            uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: try JSONEncoder().encode(body))
        )
        #expect(response.status == .ok, "login \(name): \(String(buffer: response.body))", sourceLocation: sourceLocation)
        validate(response, method: "POST", template: "/api/v1/login", uri: "/api/v1/login", sourceLocation: sourceLocation)
        let cookie = try #require(response.headers[.setCookie], "login sets no cookie", sourceLocation: sourceLocation)
        let pair = try #require(cookie.split(separator: ";").first, sourceLocation: sourceLocation)
        #expect(pair.hasPrefix("motcua_session="), "cookie \(cookie)", sourceLocation: sourceLocation)
        let value = String(pair.dropFirst("motcua_session=".count))
        #expect(try OpenAPIJSON.parse(Data(response.body.readableBytesView))["token"]?.stringValue == value, "the cookie is not the token", sourceLocation: sourceLocation)
        return value
    }

    /// Checks an answer against what the document says `method template` answers with its status.
    mutating func validate(_ response: TestResponse, method: String, template: String, uri: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let label = "\(method) \(uri) → \(response.status.code)"
        guard let operation = spec.operation(method, template) else {
            Issue.record("\(method) \(template) is not documented", sourceLocation: sourceLocation)
            return
        }
        covered.insert("\(method) \(template)")
        guard let raw = operation["responses"]?[String(response.status.code)] ?? operation["responses"]?["default"] else {
            Issue.record("\(label): status \(response.status.code) is not documented (and no default)", sourceLocation: sourceLocation)
            return
        }
        let documented = spec.deref(raw)
        for (name, _) in documented["headers"]?.objectValue ?? [:] {
            if let field = HTTPField.Name(name), response.headers[field] == nil {
                Issue.record("\(label): documented header \(name) is missing", sourceLocation: sourceLocation)
            }
        }
        guard let content = documented["content"]?.objectValue else {
            if response.body.readableBytes != 0 {
                Issue.record("\(label): documented without a body, answered \(String(buffer: response.body))", sourceLocation: sourceLocation)
            }
            return
        }
        let contentType = response.headers[.contentType] ?? ""
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let mediaType = content[media] else {
            Issue.record("\(label): content type \(contentType) is not among the documented \(content.keys.sorted())", sourceLocation: sourceLocation)
            return
        }
        guard media == "application/json", let schema = mediaType["schema"] else { return }
        let body: OpenAPIJSON
        do {
            body = try OpenAPIJSON.parse(Data(response.body.readableBytesView))
        } catch {
            Issue.record("\(label): the body is not JSON: \(String(buffer: response.body))", sourceLocation: sourceLocation)
            return
        }
        let errors = answerValidator.errors(body, schema)
        if !errors.isEmpty {
            Issue.record("\(label): the answer does not match the documented schema:\n  \(errors.joined(separator: "\n  "))\n  body: \(String(buffer: response.body).prefix(2000))", sourceLocation: sourceLocation)
        }
        if let codes = documented["x-error-codes"]?.arrayValue?.compactMap(\.stringValue), let code = body["error"]?["code"]?.stringValue, !codes.contains(code) {
            Issue.record("\(label): error code \(code) is not among the documented \(codes)", sourceLocation: sourceLocation)
        }
    }

    /// A request body the server accepted (or refused only for its values) must fit the documented request schema.
    func checkRequestBody(_ json: String, method: String, template: String, label: String, sourceLocation: SourceLocation) {
        guard let schema = spec.operation(method, template)?["requestBody"]?["content"]?["application/json"]?["schema"] else {
            Issue.record("\(label): sent a body, but the operation documents none", sourceLocation: sourceLocation)
            return
        }
        guard let body = try? OpenAPIJSON.parse(Data(json.utf8)) else { return }
        let errors = validator.errors(body, schema)
        if !errors.isEmpty {
            Issue.record("\(label): the server took a body the document refuses:\n  \(errors.joined(separator: "\n  "))\n  body: \(json)", sourceLocation: sourceLocation)
        }
    }

    func expectValid(_ value: OpenAPIJSON, _ ref: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = answerValidator.errors(value, .object(["$ref": .string(ref)]))
        if !errors.isEmpty {
            Issue.record("\(label) does not match \(ref):\n  \(errors.joined(separator: "\n  "))", sourceLocation: sourceLocation)
        }
    }
}

// MARK: - A JSON Schema subset

/// Validates JSON against the subset of JSON Schema (2020-12) the document uses: `type` (one or a list),
/// `enum`, `const`, `properties`, `required`, `additionalProperties`, `items`, `oneOf`, `anyOf`, `allOf`,
/// `$ref` (local), `minimum`, `maximum`, `minLength`, `pattern`, `format` (`date-time`, `date`).
struct OpenAPISchemaValidator: Sendable {
    let spec: OpenAPISpec
    /// For answers: a property outside `required` must be absent rather than `null`, so that `required`
    /// says exactly which fields are always present (the encoders omit nil optionals unless told otherwise).
    var optionalMeansAbsent = false

    static let checked: Set<String> = [
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items", "oneOf", "anyOf", "allOf",
        "minimum", "maximum", "minLength", "pattern", "format",
    ]
    static let annotations: Set<String> = ["description", "title", "examples", "example", "default", "deprecated", "readOnly", "writeOnly"]
    static let formats: [String: String] = [
        "date-time": #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"#,
        "date": #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#,
    ]

    /// Keywords of `schema` (and the schemas inside it) this validator would silently ignore.
    static func unsupportedKeywords(_ schema: OpenAPIJSON, at pointer: String) -> [String] {
        guard let object = schema.objectValue else { return [] }
        var problems: [String] = []
        for (key, value) in object {
            if !checked.contains(key) && !annotations.contains(key) && !key.hasPrefix("x-") {
                problems.append("\(pointer): keyword \(key) is not checked by the test's validator")
            }
            if key == "format", let format = value.stringValue, formats[format] == nil {
                problems.append("\(pointer): format \(format) is not checked by the test's validator")
            }
        }
        for (name, child) in object["properties"]?.objectValue ?? [:] { problems += unsupportedKeywords(child, at: "\(pointer)/properties/\(name)") }
        for key in ["items", "additionalProperties"] { if let child = object[key] { problems += unsupportedKeywords(child, at: "\(pointer)/\(key)") } }
        for key in ["oneOf", "anyOf", "allOf"] {
            for (i, child) in (object[key]?.arrayValue ?? []).enumerated() { problems += unsupportedKeywords(child, at: "\(pointer)/\(key)/\(i)") }
        }
        return problems
    }

    /// The mismatches of `value` against `schema`, each with the JSON path where it is (`$.counters[0].state`).
    func errors(_ value: OpenAPIJSON, _ schema: OpenAPIJSON, at path: String = "$") -> [String] {
        switch schema {
        case .bool(true): return []
        case .bool(false): return ["\(path): no value is allowed here, got \(value.brief)"]
        case .object: break
        default: return ["\(path): the schema is not an object: \(schema.brief)"]
        }
        var errors: [String] = []
        if let ref = schema["$ref"]?.stringValue {
            guard let target = spec.resolve(ref) else { return ["\(path): $ref \(ref) does not resolve"] }
            errors += self.errors(value, target, at: path)
        }
        if let type = schema["type"] {
            let types = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? "?"]
            guard types.contains(where: { Self.matches(value, type: $0) }) else {
                return errors + ["\(path): expected \(types.joined(separator: " or ")), got \(value.typeName) \(value.brief)"]
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            errors.append("\(path): \(value.brief) is not one of \(options.map(\.brief).joined(separator: ", "))")
        }
        if let constant = schema["const"], constant != value {
            errors.append("\(path): expected \(constant.brief), got \(value.brief)")
        }
        if case .object(let object) = value {
            let properties = schema["properties"]?.objectValue ?? [:]
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
                errors.append("\(path): missing required property \"\(name)\"")
            }
            let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            for (name, child) in object.sorted(by: { $0.key < $1.key }) {
                if optionalMeansAbsent, child == .null, properties[name] != nil, !required.contains(name) {
                    errors.append("\(path).\(name): null, but the schema does not list it as required (an optional field is absent when it has no value; if it is always sent, make it required)")
                }
                if let property = properties[name] {
                    errors += self.errors(child, property, at: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        errors.append("\(path).\(name): property not in the schema (additionalProperties: false), value \(child.brief)")
                    } else {
                        errors += self.errors(child, additional, at: "\(path).\(name)")
                    }
                }
            }
        }
        if case .array(let array) = value, let items = schema["items"] {
            for (i, child) in array.enumerated() { errors += self.errors(child, items, at: "\(path)[\(i)]") }
        }
        if let branches = schema["oneOf"]?.arrayValue {
            let results = branches.map { self.errors(value, $0, at: path) }
            let passing = results.filter(\.isEmpty).count
            if passing != 1 {
                errors.append("\(path): matches \(passing) of the oneOf branches, not exactly one" + (passing == 0 ? ": " + results.map { $0.joined(separator: "; ") }.joined(separator: " | ") : ""))
            }
        }
        if let branches = schema["anyOf"]?.arrayValue {
            let results = branches.map { self.errors(value, $0, at: path) }
            if !results.contains(where: \.isEmpty) {
                errors.append("\(path): matches none of the anyOf branches: " + results.map { $0.joined(separator: "; ") }.joined(separator: " | "))
            }
        }
        for branch in schema["allOf"]?.arrayValue ?? [] { errors += self.errors(value, branch, at: path) }
        if let number = value.numberValue {
            if let minimum = schema["minimum"]?.numberValue, number < minimum { errors.append("\(path): \(value.brief) is below the minimum \(minimum)") }
            if let maximum = schema["maximum"]?.numberValue, number > maximum { errors.append("\(path): \(value.brief) is above the maximum \(maximum)") }
        }
        if case .string(let text) = value {
            if let minLength = schema["minLength"]?.numberValue, Double(text.count) < minLength {
                errors.append("\(path): \(value.brief) is shorter than \(Int(minLength))")
            }
            if let pattern = schema["pattern"]?.stringValue, !Self.matches(text, pattern) {
                errors.append("\(path): \(value.brief) does not match the pattern \(pattern)")
            }
            if let format = schema["format"]?.stringValue, let pattern = Self.formats[format], !Self.matches(text, pattern) {
                errors.append("\(path): \(value.brief) is not a \(format)")
            }
        }
        return errors
    }

    static func matches(_ value: OpenAPIJSON, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .integer), ("number", .integer), ("number", .number): true
        case ("integer", .number(let d)): d.rounded() == d
        default: false
        }
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// A JSON value that keeps booleans, integers and other numbers apart (what a schema's `type` needs).
enum OpenAPIJSON: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([OpenAPIJSON])
    case object([String: OpenAPIJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([OpenAPIJSON].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: OpenAPIJSON].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    static func parse(_ data: Data) throws -> OpenAPIJSON {
        try JSONDecoder().decode(OpenAPIJSON.self, from: data)
    }

    subscript(key: String) -> OpenAPIJSON? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    var arrayValue: [OpenAPIJSON]? { if case .array(let a) = self { a } else { nil } }
    var objectValue: [String: OpenAPIJSON]? { if case .object(let o) = self { o } else { nil } }
    var numberValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// A short rendering for messages.
    var brief: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}
