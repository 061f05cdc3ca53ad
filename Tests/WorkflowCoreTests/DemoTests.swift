import Foundation
import Testing
import Workflow
import WorkflowCore
import WorkflowProtocol

@Suite struct DemoTests {
    @Test func seedingTwiceChangesNothingAndCoversEveryStatus() throws {
        let core = try CoreFixture(now: "2026-03-12 10:00")
        let now = CoreFixture.at("2026-03-12 10:00")
        let codes = try DemoDossiers.seed(into: core.store, calendar: CoreFixture.calendar, agency: CoreFixture.agency, now: now)
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        let first = try core.store.dossiers()
        #expect(first.map(\.status.code).sorted() == Array(1...10))
        let again = try DemoDossiers.seed(
            into: core.store, calendar: CoreFixture.calendar, agency: CoreFixture.agency, now: now.addingTimeInterval(86_400)
        )
        #expect(again == codes)
        #expect(try core.store.dossiers() == first)
        for (index, code) in codes.enumerated() {
            let view = try #require(core.call("dossier.lookup", ["code": .string(code)]).value, "lookup of \(code)")
            #expect(view["status_code"] == .int(Int64(index + 1)))
            let dossier = try #require(try core.store.dossier(code: code))
            #expect(view["applicant_masked"] == .string(ApplicantName.masked(dossier.applicant)))
            #expect(view["status"] == .string(dossier.status.vietnamese))
            #expect(!String(decoding: try WireJSON.encode(view), as: UTF8.self).contains(dossier.applicant))
            #expect(dossier.updatedAt <= now)
            let decoded = try view.decode(DossierLookupResult.self)
            #expect(decoded.code == code)
            #expect(decoded.unit == dossier.unit, "every demo dossier has its unit")
            // No appointment for a dossier submitted online (1) or refused at intake (3): due_at is left out.
            #expect((decoded.dueAt == nil) == [1, 3].contains(index + 1), "due_at of status \(index + 1): \(view)")
        }
        let supplement = try #require(try core.store.dossier(code: codes[4]))
        #expect(!supplement.supplementRequests.isEmpty)
        let fees = try #require(try core.store.dossier(code: codes[5]))
        #expect(fees.feeDue == 100_000)
    }
}
