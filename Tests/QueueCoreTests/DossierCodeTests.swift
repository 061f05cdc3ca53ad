import QueueCore
import Testing

@Suite("Dossier codes")
struct DossierCodeTests {
    @Test("codes seen in use are accepted, kept verbatim, with their parts", arguments: [
        ("000.00.19.H47-260105-0001", "000.00.19.H47", BusinessDay(year: 2026, month: 1, day: 5), 1),
        ("H57.132-260804-0583", "H57.132", BusinessDay(year: 2026, month: 8, day: 4), 583),
        ("38.98.H29-210519-0013", "38.98.H29", BusinessDay(year: 2021, month: 5, day: 19), 13),
        ("A.B-280229-123456", "A.B", BusinessDay(year: 2028, month: 2, day: 29), 123_456),
    ])
    func accepted(text: String, agency: String, received: BusinessDay, sequence: Int) throws {
        let code = try #require(DossierCode(text))
        #expect(code.text == text && code.description == text)
        #expect(code.agency == agency)
        #expect(code.received == received)
        #expect(code.sequence == sequence)
    }

    @Test("anything else is refused", arguments: [
        "1.011442.000.00.00.H38",       // a procedure code
        "H57.132-260231-0583",          // 31 February
        "H57.132-270229-0583",          // 29 February of a common year
        "H57.132-261301-0583",          // month 13
        "H57.132-260800-0583",          // day 0
        "h57.132-260804-0583",          // lowercase agency
        "H57.132-260804-583",           // sequence too short
        "H57.132-260804-0583123",       // sequence too long
        "H57-260804-0583",              // one agency segment
        "A.B.C.D.E-260804-0583",        // five agency segments
        "H5712.132-260804-0583",        // segment of five characters
        "H57..132-260804-0583",         // empty segment
        "H57.132-2608041-0583",         // seven date digits
        "H57.132-260804",               // no sequence
        "H57.132--260804-0583",
        " H57.132-260804-0583",
        "H57.132-260804-0583 ",
        "H57.132-26O804-0583",          // letter O in the date
        "Đ57.132-260804-0583",          // non-ASCII letter
        "H\u{0332}57.132-260804-0583",  // a letter with a combining mark
        "H57.132-260804-058\u{0301}3",
        "H57.132-２60804-0583",         // full-width digit
        "",
    ])
    func refused(text: String) {
        #expect(DossierCode(text) == nil)
    }
}
