import Foundation
import QueueCore
import Testing
import WorkflowProtocol

@Suite("Wire events: the daemon's event JSON, kept byte for byte")
struct WireEventTests {
    private static let at = Date(timeIntervalSince1970: 1_796_000_703.12)  // 2026-11-30T08:05:03.120+07:00

    /// Events of several shapes, as the daemon makes them.
    private static func queueEvents() -> [QueueEvent] {
        let day = BusinessDay(year: 2026, month: 11, day: 30)
        let service = Service(id: 1, code: "HT", name: "Hộ tịch – chứng thực \"bản sao\" / trích lục", prefix: "A")
        var ticket = Ticket(
            id: "7B4F8E2A-1111-4C2B-9D3E-2F1A0B9C8D7E", day: day, issuedService: 1, sequence: 17, number: "A017",
            priority: "elderly", kiosk: "kiosk-1", issuedAt: at.addingTimeInterval(-600)
        )
        let issued = QueueEvent(
            id: UUID().uuidString, seq: 1, type: .ticketIssued, at: at.addingTimeInterval(-600), site: "ubnd-ben-nghe",
            data: EventData(ticket: TicketView(ticket, service: service))
        )
        ticket.state = .called
        ticket.counter = 3
        ticket.callCount = 1
        ticket.calledAt = at
        let called = QueueEvent(
            id: UUID().uuidString.lowercased(), seq: 2, type: .ticketCalled, at: at, site: "ubnd-ben-nghe",
            data: EventData(ticket: TicketView(ticket, service: service), counter: 3)
        )
        ticket.state = .done
        ticket.dossier = "000.00.19.H47-260105-0001"
        ticket.rating = 5
        ticket.finishedAt = at.addingTimeInterval(0.805)
        let done = QueueEvent(
            id: UUID().uuidString, seq: 3, type: .ticketDone, at: at.addingTimeInterval(0.805), site: "ubnd-ben-nghe",
            data: EventData(ticket: TicketView(ticket, service: nil), counter: 3)
        )
        let opened = QueueEvent(
            id: UUID().uuidString, seq: 4, type: .counterOpened, at: at, site: "ubnd-ben-nghe",
            data: EventData(counter: 12, counterState: .open)
        )
        let closed = QueueEvent(
            id: UUID().uuidString, seq: 5, type: .dayClosed, at: at.addingTimeInterval(36_000), site: "ubnd-ben-nghe",
            data: EventData(day: "2026-11-30", summary: DaySummary(issued: 120, served: 110, noShow: 7, expired: 3))
        )
        let transferred = QueueEvent(
            id: UUID().uuidString, seq: 6, type: .ticketTransferred, at: at, site: "site\nwith\u{2028}odd\tchars",
            data: EventData(ticket: TicketView(ticket, service: service), fromService: "DD", fromCounter: 2)
        )
        return [issued, called, done, opened, closed, transferred]
    }

    @Test("an event from QueueEvent's JSON decodes and re-encodes byte for byte")
    func byteIdentical() throws {
        for event in Self.queueEvents() {
            let stored = event.json()
            let wire = try WireEvent(json: WireText.bytes(stored))
            #expect(wire.id == event.id)
            #expect(wire.seq == event.seq)
            #expect(wire.type == event.type.rawValue)
            #expect(wire.at == Timestamp.format(event.at))
            #expect(wire.extra.isEmpty)
            #expect(try wire.json() == stored)
            #expect(try WireJSON.encode(wire) == WireText.bytes(stored))
        }
    }

    @Test("events in a publish frame are the stored JSON, spliced unchanged")
    func publishFrame() throws {
        let events = Self.queueEvents()
        let wire = try events.map { try WireEvent(json: WireText.bytes($0.json())) }
        let frame = try FrameEncoder().encodeRequest(EventsPublishParams(events: wire), id: 9)
        let expected = #"{"id":9,"jsonrpc":"2.0","method":"events.publish","params":{"events":["#
            + events.map { $0.json() }.joined(separator: ",") + "]}}\n"
        #expect(WireText.string(frame) == expected)

        var decoder = FrameDecoder()
        guard case .frame(let line) = decoder.feed(frame).first, case .request(let request) = try RPCMessage(frame: line) else {
            Issue.record("the publish frame did not decode as a request")
            return
        }
        let params = try request.decodeParams(EventsPublishParams.self)
        #expect(params.events == wire)
        #expect(try params.events.map { try $0.json() } == events.map { $0.json() })
        #expect(try params.events.map { try QueueEvent.decoded(from: $0.json()) } == events.map { try QueueEvent.decoded(from: $0.json()) })
    }

    @Test("members the protocol does not name are kept and written back")
    func extraMembers() throws {
        let text = #"{"at":"2026-11-30T08:05:03.120+07:00","data":{"x":[1,2.5,null]},"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9e","origin":{"kiosk":"k1"},"seq":3,"site":"s","type":"device.fault","v":2}"#
        let event = try WireEvent(json: WireText.bytes(text))
        #expect(event.extra == ["origin": ["kiosk": "k1"], "v": 2])
        #expect(event.type == "device.fault")
        #expect(try event.json() == text)
    }

    @Test("a named member in extra never replaces the event's own")
    func extraCannotOverride() throws {
        let event = WireEvent(
            id: "0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9e", seq: 1, type: "t", at: "2026-11-30T08:05:03Z", site: "s", data: [:],
            extra: ["seq": 99, "note": "n"]
        )
        #expect(try event.json() == #"{"at":"2026-11-30T08:05:03Z","data":{},"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9e","note":"n","seq":1,"site":"s","type":"t"}"#)
    }

    @Test("timestamps: RFC 3339 with an offset or Z", arguments: [
        ("2026-11-30T08:05:03.120+07:00", true), ("2026-11-30T01:05:03Z", true), ("2026-11-30T08:05:03-05:30", true),
        ("2024-02-29T00:00:00.000000+07:00", true), ("2026-11-30T08:05:03", false), ("2026-11-30 08:05:03+07:00", false),
        ("2026-02-29T08:00:00+07:00", false), ("2026-11-31T08:00:00+07:00", false), ("2026-11-30T24:00:00+07:00", false),
        ("2026-11-30T08:60:00+07:00", false), ("2026-11-30T08:05:03.+07:00", false), ("2026-11-30T08:05:03+0700", false),
        ("2026-11-30T08:05:03+07:00 ", false), ("", false), ("2026-13-01T00:00:00Z", false),
    ])
    func timestamps(at: String, valid: Bool) throws {
        let text = #"{"at":"\#(at)","data":{},"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9e","seq":1,"site":"s","type":"t"}"#
        if valid {
            #expect(try WireEvent(json: WireText.bytes(text)).at == at)
        } else {
            #expect(throws: DecodingError.self) { try WireEvent(json: WireText.bytes(text)) }
        }
    }

    @Test("an empty type is refused; an unknown type is kept")
    func types() throws {
        let unknown = #"{"at":"2026-11-30T01:05:03Z","data":{},"id":"0b6f9c1e-4a7d-4c1b-9e2f-3d5a6b7c8d9e","seq":1,"site":"s","type":"kiosk.rebooted"}"#
        #expect(try WireEvent(json: WireText.bytes(unknown)).type == "kiosk.rebooted")
        #expect(throws: DecodingError.self) {
            try WireEvent(json: WireText.bytes(unknown.replacingOccurrences(of: "kiosk.rebooted", with: "")))
        }
    }
}

extension QueueEvent {
    /// The event back from its JSON, as the daemon reads its event log.
    static func decoded(from json: String) throws -> QueueEvent {
        try JSONDecoder().decode(QueueEvent.self, from: Data(json.utf8))
    }
}
