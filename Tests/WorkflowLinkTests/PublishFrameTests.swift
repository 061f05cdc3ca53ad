import Foundation
import QueueCore
import Store
import Testing
@testable import WorkflowLink
import WorkflowProtocol

@Suite("The events.publish frame")
struct PublishFrameTests {
    static func stored(_ seq: Int64, note: String) -> StoredEvent {
        let event = QueueEvent(
            id: UUID().uuidString.lowercased(), seq: seq, type: .dossierReady, at: Date(timeIntervalSince1970: 1_780_000_000 + Double(seq)),
            site: "test", data: EventData(counter: 1, code: "000.00.19.H47-261130-000\(seq)", applicantMasked: note)
        )
        return StoredEvent(seq: seq, type: event.type.rawValue, body: event.json())
    }

    @Test("is one line that the core decodes back to the same events, byte for byte, in order")
    func roundTrip() throws {
        let events = [Self.stored(1, note: "Nguyễn V** A"), Self.stored(2, note: "Trần \"T**\" \\ B"), Self.stored(3, note: "Lê ** C")]
        let frame = WorkflowLink.publishFrame(events, id: .number(7))
        #expect(frame.last == UInt8(ascii: "\n"))
        #expect(frame.dropLast().contains(UInt8(ascii: "\n")) == false)
        var decoder = FrameDecoder()
        let decoded = decoder.feed(frame)
        guard case .frame(let bytes) = decoded.first, decoded.count == 1 else {
            Issue.record("not one frame: \(decoded)")
            return
        }
        guard case .request(let request) = try RPCMessage(frame: bytes) else {
            Issue.record("not a request")
            return
        }
        #expect(request.id == .number(7))
        #expect(request.method == "events.publish")
        let params = try request.decodeParams(EventsPublishParams.self)
        #expect(params.events.map(\.seq) == [1, 2, 3])
        #expect(try params.events.map { try WireJSON.string($0) } == events.map(\.body))
    }
}
