import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QueueCore
import QueueService
import Store
import Testing
import Web

/// A clerk's day through the API: open, call, recall, serve, finish, no-show, transfer, close.
@Suite struct CounterFlowTests {
    @Test func openNextRecallStartDone() async throws {
        let office = try await TestOffice()
        let clerk = try await office.clerkToken()
        try await office.application().test(.router) { client in
            let open = try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk)
            #expect(open.status == .ok)
            let counter = try open.object()
            #expect(counter.int("id") == 1)
            #expect(counter.string("state") == "open")
            #expect(counter["services"] as? [String] == ["HT", "CT"])

            // Nobody waits: 204 and no body.
            let empty = try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk)
            #expect(empty.status == .noContent)
            #expect(empty.body.readableBytes == 0)

            let issued = try await client.issue("\"HT\"")
            office.clock.advance(30)
            let next = try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk)
            #expect(next.status == .ok)
            let called = try next.object()
            #expect(called.string("id") == issued.string("id"))
            #expect(called.string("number") == "A001")
            #expect(called.string("service") == "HT")
            #expect(called.string("state") == "called")
            #expect(called.int("counter") == 1)
            #expect(called.int("call_count") == 1)
            #expect(called.string("called_at") == "2026-11-30T08:00:30.000+07:00")

            let recall = try await client.send(.post, "/api/v1/counters/1/recall", bearer: clerk)
            #expect(recall.status == .ok)
            #expect(try recall.object().int("call_count") == 2)
            #expect(try recall.object().string("state") == "called")

            office.clock.advance(30)
            let start = try await client.send(.post, "/api/v1/counters/1/start", bearer: clerk)
            #expect(start.status == .ok)
            #expect(try start.object().string("state") == "serving")
            #expect(try start.object().string("served_at") == "2026-11-30T08:01:00.000+07:00")

            office.clock.advance(240)
            let done = try await client.send(.post, "/api/v1/counters/1/done", json: "{\"dossier\": \"000.00.19.H47-260105-0001\", \"rating\": 5}", bearer: clerk)
            #expect(done.status == .ok)
            let finished = try done.object()
            #expect(finished.string("state") == "done")
            #expect(finished.string("dossier") == "000.00.19.H47-260105-0001")
            #expect(finished.int("rating") == 5)
            #expect(finished.string("finished_at") == "2026-11-30T08:05:00.000+07:00")

            // The ticket and the counter say the same afterwards.
            let ticket = try await client.send(.get, "/api/v1/tickets/\(issued.string("id") ?? "")")
            #expect(try ticket.object().string("state") == "done")
            #expect(try ticket.object().string("dossier") == "000.00.19.H47-260105-0001")
            let queue = try await client.send(.get, "/api/v1/queue").object()
            let first = try #require(queue.objects("counters").first)
            #expect(first.int("id") == 1)
            #expect(first.object("current") == nil)

            // Done without a body is fine too.
            try await client.issue("\"HT\"")
            #expect(try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk).status == .ok)
            let plain = try await client.send(.post, "/api/v1/counters/1/done", bearer: clerk)
            #expect(plain.status == .ok)
            #expect(try plain.object().string("number") == "A002")
            #expect(try plain.object()["dossier"] == nil)
        }
    }

    @Test func noShowNeedsTwoCalls() async throws {
        let office = try await TestOffice()
        let clerk = try await office.clerkToken()
        try await office.application().test(.router) { client in
            try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk)
            try await client.issue("\"HT\"")
            try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk)

            let before = try await office.fingerprint()
            let early = try await client.send(.post, "/api/v1/counters/1/no-show", bearer: clerk)
            early.expectError(.conflict, "too_few_calls")
            #expect(try await office.fingerprint() == before)

            #expect(try await client.send(.post, "/api/v1/counters/1/recall", bearer: clerk).status == .ok)
            let noShow = try await client.send(.post, "/api/v1/counters/1/no-show", bearer: clerk)
            #expect(noShow.status == .ok)
            #expect(try noShow.object().string("state") == "no_show")
            #expect(try noShow.object().string("number") == "A001")
            // The counter is free again.
            #expect(try await client.send(.post, "/api/v1/counters/1/close", bearer: clerk).status == .ok)
        }
    }

    @Test func transferToAServiceKeepsTheNumber() async throws {
        let office = try await TestOffice()
        let clerk1 = try await office.clerkToken(name: "clerk1", counter: 1)
        let clerk2 = try await office.clerkToken(name: "clerk2", counter: 2)
        try await office.application().test(.router) { client in
            try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk1)
            try await client.issue("\"HT\"")
            office.clock.advance(10)
            try await client.issue("\"CT\"")
            office.clock.advance(10)
            #expect(try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk1).object().string("number") == "A001")

            let transfer = try await client.send(.post, "/api/v1/counters/1/transfer", json: "{\"service\": \"CT\"}", bearer: clerk1)
            #expect(transfer.status == .ok)
            let moved = try transfer.object()
            #expect(moved.string("number") == "A001")
            #expect(moved.string("service") == "CT")
            #expect(moved.int("service_id") == 2)
            #expect(moved.string("state") == "transferred")
            #expect(moved["counter"] == nil)

            let queue = try await client.send(.get, "/api/v1/queue").object()
            let services = queue.objects("services")
            let ht = try #require(services.first { $0.string("code") == "HT" })
            let ct = try #require(services.first { $0.string("code") == "CT" })
            #expect(ht.int("waiting") == 0)
            #expect(ht.objects("tickets").isEmpty)
            // It keeps its place by issue time: ahead of B001, which was taken after it.
            #expect(ct.objects("tickets").map { $0.string("number") } == ["A001", "B001"])
            #expect(ct.objects("tickets").first?.string("state") == "transferred")
            #expect(ct.int("waiting") == 2)
            #expect(queue.objects("counters").first?.object("current") == nil)

            // Counter 2 (CT only) calls it, by the same number.
            try await client.send(.post, "/api/v1/counters/2/open", bearer: clerk2)
            let next = try await client.send(.post, "/api/v1/counters/2/next", bearer: clerk2)
            #expect(try next.object().string("number") == "A001")
            #expect(try next.object().int("counter") == 2)

            // By id as well.
            #expect(try await client.send(.post, "/api/v1/counters/2/transfer", json: "{\"service\": 1}", bearer: clerk2).object().string("service") == "HT")
        }
    }

    @Test func transferToACounter() async throws {
        let office = try await TestOffice()
        let clerk1 = try await office.clerkToken(name: "clerk1", counter: 1)
        let clerk3 = try await office.clerkToken(name: "clerk3", counter: 3)
        try await office.application().test(.router) { client in
            try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk1)
            try await client.issue("\"HT\"")
            office.clock.advance(10)
            try await client.issue("\"HT\"")
            try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk1)

            let transfer = try await client.send(.post, "/api/v1/counters/1/transfer", json: "{\"counter\": 3}", bearer: clerk1)
            #expect(transfer.status == .ok)
            let moved = try transfer.object()
            #expect(moved.string("number") == "A001")
            #expect(moved.int("target_counter") == 3)
            #expect(moved.string("state") == "transferred")

            let queue = try await client.send(.get, "/api/v1/queue").object()
            let ht = try #require(queue.objects("services").first { $0.string("code") == "HT" })
            #expect(ht.objects("tickets").map { $0.string("number") } == ["A002"])
            let three = try #require(queue.objects("counters").first { $0.int("id") == 3 })
            #expect(three.objects("transferred").map { $0.string("number") } == ["A001"])
            #expect(three.objects("transferred").first?.int("target_counter") == 3)

            // Counter 1 now gets A002, not the ticket sent to counter 3.
            #expect(try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk1).object().string("number") == "A002")
            try await client.send(.post, "/api/v1/counters/3/open", bearer: clerk3)
            #expect(try await client.send(.post, "/api/v1/counters/3/next", bearer: clerk3).object().string("number") == "A001")
        }
    }

    @Test func refusalsChangeNothing() async throws {
        let office = try await TestOffice()
        let clerk = try await office.clerkToken(name: "clerk1", counter: nil)
        try await office.application().test(.router) { client in
            func refuse(_ action: String, json: String? = nil, counter: Int = 1, _ status: HTTPResponse.Status, _ code: String,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws {
                let before = try await office.fingerprint()
                let response = try await client.send(.post, "/api/v1/counters/\(counter)/\(action)", json: json, bearer: clerk)
                response.expectError(status, code, sourceLocation: sourceLocation)
                #expect(try await office.fingerprint() == before, "\(action) changed the state", sourceLocation: sourceLocation)
            }

            try await client.issue("\"HT\"")
            try await client.issue("\"HT\"")
            // A closed counter cannot call; nor act on a ticket it does not have.
            try await refuse("next", .conflict, "counter_closed")
            for action in ["recall", "start", "no-show", "done"] {
                try await refuse(action, .conflict, "no_current_ticket")
            }
            try await refuse("transfer", json: "{\"counter\": 3}", .conflict, "no_current_ticket")
            try await refuse("open", counter: 9, .notFound, "unknown_counter")
            try await refuse("open", counter: 0, .badRequest, "bad_request")
            try await refuse("open", counter: -1, .badRequest, "bad_request")

            try await client.send(.post, "/api/v1/counters/1/pause", bearer: clerk)
            try await refuse("next", .conflict, "counter_paused")
            try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk)
            #expect(try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk).object().string("number") == "A001")

            try await refuse("close", .conflict, "counter_busy")
            try await refuse("no-show", .conflict, "too_few_calls")
            try await refuse("done", json: "{\"rating\": 7}", .badRequest, "bad_rating")
            try await refuse("done", json: "{\"rating\": 0}", .badRequest, "bad_rating")
            try await refuse("done", json: "{\"rating\": \"5\"}", .badRequest, "bad_request")
            try await refuse("done", json: "{\"dossier\": \"abc\"}", .badRequest, "bad_code")
            try await refuse("done", json: "{\"dossier\": \"000.00.19.H47-260105-0001\", \"rating\": 9}", .badRequest, "bad_rating")
            try await refuse("done", json: "{\"dossier\": \"000.00.19.H47-260105-0001\", \"note\": 1}", .badRequest, "bad_request")
            try await refuse("done", json: "[5]", .badRequest, "bad_request")
            try await refuse("transfer", json: "{\"service\": \"CT\", \"counter\": 2}", .badRequest, "bad_request")
            try await refuse("transfer", json: "{}", .badRequest, "bad_request")
            try await refuse("transfer", json: nil, .badRequest, "bad_request")
            try await refuse("transfer", json: "{\"service\": \"XX\"}", .notFound, "unknown_service")
            try await refuse("transfer", json: "{\"counter\": 9}", .notFound, "unknown_counter")
            try await refuse("transfer", json: "{\"service\": \"HT\"}", .badRequest, "bad_transfer")
            try await refuse("transfer", json: "{\"counter\": 1}", .badRequest, "bad_transfer")
            try await refuse("transfer", json: "{\"counter\": \"two\"}", .badRequest, "bad_request")

            try await client.send(.post, "/api/v1/counters/1/start", bearer: clerk)
            try await refuse("start", .conflict, "not_serving")
            try await refuse("recall", .conflict, "not_serving")
            try await refuse("no-show", .conflict, "not_serving")
            try await refuse("close", .conflict, "counter_busy")

            // Once the ticket is finished, the counter closes, and then cannot call.
            #expect(try await client.send(.post, "/api/v1/counters/1/done", bearer: clerk).status == .ok)
            let close = try await client.send(.post, "/api/v1/counters/1/close", bearer: clerk)
            #expect(close.status == .ok)
            #expect(try close.object().string("state") == "closed")
            try await refuse("next", .conflict, "counter_closed")
            // A002 is still waiting, untouched by all of the above.
            let queue = try await client.send(.get, "/api/v1/queue").object()
            let ht = try #require(queue.objects("services").first { $0.string("code") == "HT" })
            #expect(ht.objects("tickets").map { $0.string("number") } == ["A002"])
        }
    }

    @Test func ticketsHandledTodayNewestFirst() async throws {
        let office = try await TestOffice()
        let clerk1 = try await office.clerkToken(name: "clerk1", counter: 1)
        let clerk2 = try await office.clerkToken(name: "clerk2", counter: 2)
        let clerk3 = try await office.clerkToken(name: "clerk3", counter: 3)
        try await office.application().test(.router) { client in
            // Nothing yet today.
            let empty = try await client.send(.get, "/api/v1/counters/1/tickets", bearer: clerk1)
            #expect(empty.status == .ok)
            let none = try empty.object()
            #expect(none.int("counter") == 1)
            #expect(none.string("day") == "2026-11-30")
            #expect(none.objects("tickets").isEmpty)
            #expect(none.int("done") == 0 && none.int("no_show") == 0 && none.int("transferred") == 0)

            try await client.send(.post, "/api/v1/counters/1/open", bearer: clerk1)
            try await client.send(.post, "/api/v1/counters/2/open", bearer: clerk2)
            for _ in 0..<3 { try await client.issue("\"HT\"") }
            office.clock.advance(60)
            // A001: served, with a dossier and a rating.
            try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk1)
            office.clock.advance(30)
            try await client.send(.post, "/api/v1/counters/1/start", bearer: clerk1)
            office.clock.advance(120)
            let done = try await client.send(.post, "/api/v1/counters/1/done", json: "{\"dossier\": \"000.00.19.H47-260105-0001\", \"rating\": 4}", bearer: clerk1)
            #expect(done.status == .ok)
            // A002: sent to CT, then served at counter 2: counter 1 still lists it as transferred.
            office.clock.advance(10)
            try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk1)
            office.clock.advance(10)
            #expect(try await client.send(.post, "/api/v1/counters/1/transfer", json: "{\"service\": \"CT\"}", bearer: clerk1).status == .ok)
            #expect(try await client.send(.post, "/api/v1/counters/2/next", bearer: clerk2).object().string("number") == "A002")
            try await client.send(.post, "/api/v1/counters/2/done", bearer: clerk2)
            // A003: called twice, absent.
            office.clock.advance(10)
            try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk1)
            try await client.send(.post, "/api/v1/counters/1/recall", bearer: clerk1)
            #expect(try await client.send(.post, "/api/v1/counters/1/no-show", bearer: clerk1).status == .ok)
            // A fourth, still being called.
            try await client.issue("\"CT\"")
            office.clock.advance(10)
            try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk1)

            let response = try await client.send(.get, "/api/v1/counters/1/tickets", bearer: clerk1)
            #expect(response.status == .ok)
            let day = try response.object()
            let tickets = day.objects("tickets")
            #expect(tickets.map { $0.string("number") } == ["B001", "A003", "A002", "A001"])
            #expect(tickets.map { $0.string("state") } == ["called", "no_show", "transferred", "done"])
            #expect(day.int("done") == 1 && day.int("no_show") == 1 && day.int("transferred") == 1)

            let served = try #require(tickets.last)
            #expect(served.string("service") == "HT")
            #expect(served.string("service_name") == "Hộ tịch")
            #expect(served.string("dossier") == "000.00.19.H47-260105-0001")
            #expect(served.int("rating") == 4)
            #expect(served.string("called_at") == "2026-11-30T08:01:00.000+07:00")
            #expect(served.string("served_at") == "2026-11-30T08:01:30.000+07:00")
            #expect(served.string("finished_at") == "2026-11-30T08:03:30.000+07:00")

            let moved = tickets[2]
            #expect(moved.string("service") == "HT")
            #expect(moved.string("transferred_to_service") == "CT")
            #expect(moved["transferred_to_counter"] == nil)
            #expect(moved.string("called_at") == "2026-11-30T08:03:40.000+07:00")
            #expect(moved.string("finished_at") == "2026-11-30T08:03:50.000+07:00")
            #expect(moved["served_at"] == nil && moved["dossier"] == nil)

            #expect(tickets[1].int("call_count") == 2)
            #expect(tickets[0]["finished_at"] == nil)

            // Counter 2 lists only what it did; its clerk may not read counter 1's list.
            let two = try await client.send(.get, "/api/v1/counters/2/tickets", bearer: clerk2).object()
            #expect(two.objects("tickets").map { $0.string("number") } == ["A002"])
            #expect(two.objects("tickets").first?.string("service") == "CT")
            #expect(two.int("done") == 1)
            try await client.send(.get, "/api/v1/counters/1/tickets", bearer: clerk2).expectError(.forbidden, "forbidden")
            try await client.send(.get, "/api/v1/counters/1/tickets").expectError(.unauthorized, "unauthorized")

            // B001 goes to counter 3 and comes back: each call here is an entry of its own.
            office.clock.advance(10)
            #expect(try await client.send(.post, "/api/v1/counters/1/transfer", json: "{\"counter\": 3}", bearer: clerk1).status == .ok)
            try await client.send(.post, "/api/v1/counters/3/open", bearer: clerk3)
            #expect(try await client.send(.post, "/api/v1/counters/3/next", bearer: clerk3).object().string("number") == "B001")
            #expect(try await client.send(.post, "/api/v1/counters/3/transfer", json: "{\"counter\": 1}", bearer: clerk3).status == .ok)
            #expect(try await client.send(.post, "/api/v1/counters/1/next", bearer: clerk1).object().string("number") == "B001")
            let again = try await client.send(.get, "/api/v1/counters/1/tickets", bearer: clerk1).object()
            #expect(again.objects("tickets").map { "\($0.string("number") ?? "")-\($0.string("state") ?? "")" }
                    == ["B001-called", "B001-transferred", "A003-no_show", "A002-transferred", "A001-done"])
            #expect(again.objects("tickets")[1].int("transferred_to_counter") == 3)
            #expect(again.objects("tickets")[1]["transferred_to_service"] == nil)
            #expect(again.int("transferred") == 2)
            let three = try await client.send(.get, "/api/v1/counters/3/tickets", bearer: clerk3).object()
            #expect(three.objects("tickets").map { $0.string("state") } == ["transferred"])
            #expect(three.objects("tickets").first?.int("transferred_to_counter") == 1)
        }
        // The administrator reads any counter; an unknown one is 404.
        try await office.controlApplication().test(.router) { admin in
            #expect(try await admin.send(.get, "/api/v1/counters/1/tickets").object().objects("tickets").count == 5)
            try await admin.send(.get, "/api/v1/counters/9/tickets").expectError(.notFound, "unknown_counter")
            try await admin.send(.get, "/api/v1/counters/x/tickets").expectError(.badRequest, "bad_request")
        }
    }
}
