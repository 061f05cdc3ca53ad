import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QueueCore
import QueueService
import Store
import Testing
import Web

/// `GET /api/v1/events`: Server-Sent Events, resumed after `Last-Event-ID`, then live.
///
/// A stream has no end, so these run a live server and read it with ``StreamingConnection``.
@Suite struct EventStreamTests {
    /// day.opened (1), three tickets issued (2, 3, 4), counter 1 opened (5), A001 called (6).
    private func makeHistory(_ office: TestOffice) async throws {
        for service in ["HT", "CT", "HT"] {
            _ = try await office.engine.perform(.issue(service: service, priority: nil, kiosk: nil))
            office.clock.advance(20)
        }
        _ = try await office.engine.perform(.open(counter: 1))
        _ = try await office.engine.perform(.next(counter: 1))
        #expect(try office.store.lastEventSeq() == 6)
    }

    /// Opens a stream, runs `body`, and ends the stream so the server can shut down.
    private func withStream(
        _ office: TestOffice, path: String = "/api/v1/events", lastEventID: String?,
        _ body: @escaping @Sendable (StreamingConnection) async throws -> Void
    ) async throws {
        try await office.application().test(.live) { client in
            let port = try #require(client.port)
            let stream = try StreamingConnection(port: port)
            defer {
                stream.disconnect()
                // The handler waits for live events for ever; end it, as the daemon does at shutdown.
                office.engine.hub.finishAll()
            }
            try stream.get(path, headers: lastEventID.map { ["Last-Event-ID": $0] } ?? [:])
            try await body(stream)
        }
    }

    /// Checks each frame against the event log: `id:` its seq, `event:` its type, `data:` its JSON.
    private func checkFrames(_ frames: [StreamingConnection.Frame], _ office: TestOffice, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stored = Dictionary(uniqueKeysWithValues: try office.store.events(after: 0).map { ($0.seq, $0) })
        for frame in frames {
            #expect(frame.fields.map(\.name) == ["id", "event", "data"], "frame fields \(frame.fields)", sourceLocation: sourceLocation)
            let seq = try #require(frame.id, "frame without a numeric id: \(frame.fields)", sourceLocation: sourceLocation)
            let event = try #require(stored[seq], "seq \(seq) is not in the log", sourceLocation: sourceLocation)
            #expect(frame.field("event") == event.type, sourceLocation: sourceLocation)
            #expect(frame.field("data") == event.body, sourceLocation: sourceLocation)

            let data = try #require(frame.field("data")?.data(using: .utf8), sourceLocation: sourceLocation)
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], sourceLocation: sourceLocation)
            #expect(Set(json.keys) == ["id", "seq", "type", "at", "site", "data"], "\(json.keys.sorted())", sourceLocation: sourceLocation)
            #expect(UUID(uuidString: json.string("id") ?? "") != nil, "id \(json["id"] ?? "none")", sourceLocation: sourceLocation)
            #expect(json.int("seq").map(Int64.init) == seq, sourceLocation: sourceLocation)
            #expect(json.string("type") == frame.field("event"), sourceLocation: sourceLocation)
            let at = json.string("at") ?? ""
            #expect(at.hasSuffix("+07:00") && Timestamp.parse(at) != nil, "at \(at)", sourceLocation: sourceLocation)
            #expect(json.string("site") == "test-site", sourceLocation: sourceLocation)
            #expect(json.object("data") != nil, sourceLocation: sourceLocation)
        }
    }

    private static func ids(_ stream: StreamingConnection) -> [Int64] { stream.frames.compactMap(\.id) }

    @Test func resumesAfterLastEventIDThenGoesLive() async throws {
        let office = try await TestOffice()
        try await makeHistory(office)
        try await withStream(office, lastEventID: "3") { stream in
            try await stream.read { Self.ids($0).contains(6) }
            let head = try #require(stream.head)
            #expect(head.hasPrefix("HTTP/1.1 200"), "\(head)")
            #expect(head.lowercased().contains("content-type: text/event-stream"), "\(head)")
            #expect(Self.ids(stream) == [4, 5, 6])
            #expect(stream.frames.first?.field("retry") == "2000")

            // A new event reaches the open stream, once, after the replay.
            _ = try await office.engine.perform(.recall(counter: 1))
            try await stream.read { Self.ids($0).contains(7) }
            #expect(Self.ids(stream) == [4, 5, 6, 7])
            let frames = stream.frames.filter { $0.id != nil }
            try checkFrames(frames, office)
            #expect(frames.map { $0.field("event") } == ["ticket.issued", "counter.opened", "ticket.called", "ticket.recalled"])
            let called = try #require(frames[2].field("data")?.data(using: .utf8))
            let calledData = try #require((try JSONSerialization.jsonObject(with: called) as? [String: Any])?.object("data"))
            #expect(calledData.int("counter") == 1)
            #expect(calledData.object("ticket")?.string("number") == "A001")
        }
    }

    @Test func fromZeroTheWholeLogIsReplayed() async throws {
        let office = try await TestOffice()
        try await makeHistory(office)
        try await withStream(office, lastEventID: "0") { stream in
            try await stream.read { Self.ids($0).contains(6) }
            #expect(Self.ids(stream) == [1, 2, 3, 4, 5, 6])
            try checkFrames(stream.frames.filter { $0.id != nil }, office)
            #expect(stream.frames.compactMap { $0.field("event") }.first == "day.opened")
        }
    }

    /// A display that opens the stream without a cursor has just read the snapshot: it gets what happens
    /// from now on, not the whole history of the office.
    @Test func withoutACursorTheStreamStartsNow() async throws {
        let office = try await TestOffice()
        try await makeHistory(office)
        try await withStream(office, lastEventID: nil) { stream in
            try await stream.read { $0.frames.contains { $0.field("retry") != nil } }
            _ = try await office.engine.perform(.issue(service: "HT", priority: nil, kiosk: nil))
            try await stream.read { Self.ids($0).contains(7) }
            #expect(Self.ids(stream) == [7])
        }
    }

    @Test func theAfterParameterWorksLikeLastEventID() async throws {
        let office = try await TestOffice()
        try await makeHistory(office)
        try await withStream(office, path: "/api/v1/events?after=4", lastEventID: nil) { stream in
            try await stream.read { Self.ids($0).contains(6) }
            #expect(Self.ids(stream) == [5, 6])
        }
    }

    @Test func uptoDateClientGetsOnlyNewEvents() async throws {
        let office = try await TestOffice()
        try await makeHistory(office)
        try await withStream(office, lastEventID: "6") { stream in
            // The stream is open once its head and the retry hint have arrived.
            try await stream.read { $0.frames.contains { $0.field("retry") != nil } }
            #expect(Self.ids(stream).isEmpty)
            _ = try await office.engine.perform(.start(counter: 1))
            _ = try await office.engine.perform(.done(counter: 1, dossier: "000.00.19.H47-260105-0001", rating: 5))
            try await stream.read { Self.ids($0).contains(8) }
            #expect(Self.ids(stream) == [7, 8])
            let frames = stream.frames.filter { $0.id != nil }
            try checkFrames(frames, office)
            #expect(frames.map { $0.field("event") } == ["ticket.serving", "ticket.done"])
        }
    }

    @Test func aClientAheadOfTheLogStartsFromNow() async throws {
        let office = try await TestOffice()
        try await makeHistory(office)
        // A display still holding seq 500 from a database that was since restored from a backup.
        try await withStream(office, lastEventID: "500") { stream in
            try await stream.read { $0.frames.contains { $0.field("retry") != nil } }
            #expect(Self.ids(stream).isEmpty, "nothing old is replayed")
            _ = try await office.engine.perform(.recall(counter: 1))
            try await stream.read { Self.ids($0).contains(7) }
            #expect(Self.ids(stream) == [7], "the next live event arrives instead of waiting for seq 501")
        }
    }
}
