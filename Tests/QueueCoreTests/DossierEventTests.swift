import Foundation
import QueueCore
import Testing

@Suite("Dossier events in the queue's log")
struct DossierEventTests {
    static let code = "000.00.19.H47-261130-0001"

    @Test("a lookup is logged by its code only")
    func lookupLogged() throws {
        var state = Fixture.openDay()
        let change = try state.apply(.recordLookup(code: Self.code), now: Fixture.at("09:00"))
        #expect(change.events.map(\.type) == [.dossierLookedUp])
        #expect(change.events[0].data == EventData(code: Self.code))
        #expect(change.tickets.isEmpty && change.counters.isEmpty)
    }

    @Test("a result ready for collection is announced with the masked name and the counter")
    func readyAnnounced() throws {
        var state = Fixture.openDay()
        let change = try state.apply(.announceReady(code: Self.code, applicantMasked: "Nguyễn V** A", counter: 2), now: Fixture.at("09:00"))
        #expect(change.events.map(\.type) == [.dossierReady])
        let data = change.events[0].data
        #expect(data.code == Self.code && data.applicantMasked == "Nguyễn V** A" && data.counter == 2)
        #expect(change.events[0].json().contains("\"applicant_masked\":\"Nguyễn V** A\""))
    }

    @Test("a whole name, a malformed code or an unknown counter is refused and logs nothing")
    func refusals() throws {
        var state = Fixture.openDay()
        let before = StateSnapshot(state)
        #expect(throws: QueueError.unmaskedName) {
            try state.apply(.announceReady(code: Self.code, applicantMasked: "Nguyễn Văn An", counter: nil), now: Fixture.at("09:00"))
        }
        #expect(throws: QueueError.badDossierCode("H47-1")) {
            try state.apply(.announceReady(code: "H47-1", applicantMasked: "Nguyễn V** A", counter: nil), now: Fixture.at("09:00"))
        }
        #expect(throws: QueueError.unknownCounter(99)) {
            try state.apply(.announceReady(code: Self.code, applicantMasked: "Nguyễn V** A", counter: 99), now: Fixture.at("09:00"))
        }
        #expect(throws: QueueError.badDossierCode("abc")) {
            try state.apply(.recordLookup(code: "abc"), now: Fixture.at("09:00"))
        }
        #expect(StateSnapshot(state) == before)
        // The refusal's words never repeat the name it refused.
        #expect(!QueueError.unmaskedName.message.contains("Văn An"))
    }
}
