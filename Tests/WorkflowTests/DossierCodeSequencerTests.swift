import Foundation
import QueueCore
import Testing
import Workflow

@Suite("Dossier code generation")
struct DossierCodeSequencerTests {
    static let day = BusinessDay(year: 2026, month: 1, day: 5)

    @Test("a sequence per agency per day, from 0001")
    func sequences() throws {
        var sequencer = DossierCodeSequencer()
        #expect(try sequencer.next(agency: "000.00.19.H47", on: Self.day).text == "000.00.19.H47-260105-0001")
        #expect(try sequencer.next(agency: "000.00.19.H47", on: Self.day).text == "000.00.19.H47-260105-0002")
        #expect(try sequencer.next(agency: "H57.132", on: Self.day).text == "H57.132-260105-0001")
        let nextDay = BusinessDay(year: 2026, month: 1, day: 6)
        #expect(try sequencer.next(agency: "000.00.19.H47", on: nextDay).text == "000.00.19.H47-260106-0001")
        #expect(try sequencer.next(agency: "000.00.19.H47", on: Self.day).text == "000.00.19.H47-260105-0003")
        #expect(sequencer.lastSequence(agency: "000.00.19.H47", on: Self.day) == 3)
    }

    @Test("existing codes are taken into account")
    func observe() throws {
        var sequencer = DossierCodeSequencer()
        sequencer.observe(try #require(DossierCode("H57.132-260804-0583")))
        sequencer.observe(try #require(DossierCode("H57.132-260804-0012")))
        #expect(try sequencer.next(agency: "H57.132", on: BusinessDay(year: 2026, month: 8, day: 4)).text == "H57.132-260804-0584")
    }

    @Test("more digits past 9999, up to 999 999", arguments: [
        (1, "0001"), (42, "0042"), (9_999, "9999"), (10_000, "10000"), (123_456, "123456"), (999_999, "999999"),
    ])
    func digits(sequence: Int, suffix: String) throws {
        let code = try DossierCodeSequencer.code(agency: "38.98.H29", day: Self.day, sequence: sequence)
        #expect(code.text == "38.98.H29-260105-\(suffix)")
        #expect(code.sequence == sequence && code.received == Self.day && code.agency == "38.98.H29")
    }

    @Test("the sequence is exhausted after 999 999")
    func exhausted() throws {
        var sequencer = DossierCodeSequencer()
        sequencer.observe(try #require(DossierCode("38.98.H29-260105-999999")))
        let error = #expect(throws: DossierError.self) { try sequencer.next(agency: "38.98.H29", on: Self.day) }
        #expect(error?.code == "sequence_exhausted")
        #expect(sequencer.lastSequence(agency: "38.98.H29", on: Self.day) == 999_999)
    }

    @Test("an agency not of the national form is refused", arguments: ["h47.19", "H47", "", "A.B.C.D.E", "Đ47.19", "H47-19.1"])
    func badAgency(agency: String) {
        var sequencer = DossierCodeSequencer()
        let error = #expect(throws: DossierError.self) { try sequencer.next(agency: agency, on: Self.day) }
        #expect(error?.code == "bad_agency")
    }

    @Test("the day is the office's day in Vietnam")
    func vietnamDay() throws {
        var sequencer = DossierCodeSequencer()
        let lateEvening = Fixture.at("2026-01-05 23:30")      // 16:30 UTC, still the 5th in Vietnam
        #expect(try sequencer.next(agency: "H57.132", at: lateEvening).text == "H57.132-260105-0001")
        #expect(try sequencer.next(agency: "H57.132", at: Fixture.at("2026-01-06 00:10")).text == "H57.132-260106-0001")
    }

    @Test("generated codes are accepted by reception")
    func usable() throws {
        var sequencer = DossierCodeSequencer()
        let code = try sequencer.next(agency: "000.00.19.H47", at: Fixture.at("2026-03-09 09:00"))
        let dossier = try Dossier.receive(code: code.text, procedure: "Chứng thực chữ ký", applicant: "Phạm Minh Châu", processingDays: 1,
                                          at: Fixture.at("2026-03-09 09:00"), calendar: Fixture.calendar)
        #expect(dossier.code == "000.00.19.H47-260309-0001")
    }
}
