import Announcements
import Foundation
import Testing

@Suite("Announcement phrases (Templates/announcements)")
struct PhraseBookTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates/announcements")

    static func book(_ language: String) throws -> PhraseBook {
        let path = folder.appendingPathComponent("\(language).yaml").path
        return try PhraseBook(yaml: String(contentsOfFile: path, encoding: .utf8), source: path)
    }

    /// The exact words spoken for a set of tickets and counters, in Vietnamese.
    @Test(arguments: [
        ("A025", 5, "Mời công dân có số thứ tự A không hai năm đến quầy số năm."),
        ("A001", 1, "Mời công dân có số thứ tự A không không một đến quầy số một."),
        ("B123", 15, "Mời công dân có số thứ tự Bê một hai ba đến quầy số mười lăm."),
        ("C007", 21, "Mời công dân có số thứ tự Xê không không bảy đến quầy số hai mươi mốt."),
        ("D450", 24, "Mời công dân có số thứ tự Dê bốn năm không đến quầy số hai mươi tư."),
        ("Đ010", 105, "Mời công dân có số thứ tự Đê không một không đến quầy số một trăm lẻ năm."),
        ("1001", 10, "Mời công dân có số thứ tự một không không một đến quầy số mười."),
        ("a999", 2005, "Mời công dân có số thứ tự A chín chín chín đến quầy số hai nghìn không trăm lẻ năm."),
        ("L012", 3, "Mời công dân có số thứ tự E-lờ không một hai đến quầy số ba."),
    ])
    func vietnamese(ticket: String, counter: Int, text: String) throws {
        let spoken = try Self.book("vi").callText(ticket: ticket, counter: counter)
        #expect(spoken == text)
        #expect(spoken == spoken.precomposedStringWithCanonicalMapping)
    }

    @Test(arguments: [
        ("A025", 5, "Ticket number A, zero, two, five, please come to counter five."),
        ("B123", 15, "Ticket number B, one, two, three, please come to counter fifteen."),
        ("C007", 21, "Ticket number C, zero, zero, seven, please come to counter twenty-one."),
        ("Đ010", 105, "Ticket number D, zero, one, zero, please come to counter one hundred and five."),
        ("1001", 24, "Ticket number one, zero, zero, one, please come to counter twenty-four."),
    ])
    func english(ticket: String, counter: Int, text: String) throws {
        #expect(try Self.book("en").callText(ticket: ticket, counter: counter) == text)
    }

    @Test func aDecomposedTicketIsReadAsItsComposedForm() throws {
        let decomposed = "O\u{031B}12"
        #expect(decomposed.unicodeScalars.count == 4)
        #expect(try Self.book("vi").readTicket(decomposed) == "Ơ một hai")
    }

    @Test(arguments: ["", "A-01", "A 01", "A0!1", "ÑA1", "A01234567890123456"])
    func aTicketThatCannotBeReadIsRefusedSayingWhy(ticket: String) throws {
        let error = try #require(throws: PhraseBookError.self) { try Self.book("vi").callText(ticket: ticket, counter: 1) }
        #expect(error.source == "ticket")
        #expect(error.description.contains("\"\(ticket)\""))
    }

    @Test func aNegativeCounterIsRefused() throws {
        let error = try #require(throws: PhraseBookError.self) { try Self.book("vi").callText(ticket: "A1", counter: -1) }
        #expect(error.description == "counter: -1 is not a counter number (0 or more)")
    }

    static let valid = """
        language: vi
        voice: vi
        call: "Mời số {ticket} đến quầy {counter}."
        numbers: vietnamese
        digits: [không, một, hai, ba, bốn, năm, sáu, bảy, tám, chín]
        letters: {A: A, B: B, C: C, D: D, E: E, F: F, G: G, H: H, I: I, J: J, K: K, L: L, M: M, N: N, O: O, P: P, Q: Q, R: R, S: S, T: T, U: U, V: V, W: W, X: X, Y: Y, Z: Z}
        """

    @Test func aSiteCanChooseLinhAndNgan() throws {
        let book = try PhraseBook(yaml: Self.valid + "\nzero_tens: linh\nthousand: ngàn\n", source: "office.yaml")
        #expect(try book.callText(ticket: "A1", counter: 1005) == "Mời số A một đến quầy một ngàn không trăm linh năm.")
    }

    /// A broken phrase file is refused naming the file, the key and the reason.
    @Test(arguments: [
        ("call: \"Mời số {ticket}.\"", "office.yaml: call: must say {counter}"),
        ("call: \"Mời {name} số {ticket} đến quầy {counter}.\"", "office.yaml: call: has {name}; only {ticket} and {counter} are known"),
        ("digits: [không, một]", "office.yaml: digits: must list the ten words for 0 to 9, got 2"),
        ("numbers: roman", "office.yaml: numbers: must be vietnamese or english, got \"roman\""),
        ("voice: \"vi; rm\"", "office.yaml: voice: must be an espeak-ng voice name (espeak-ng --voices), got \"vi; rm\""),
        ("letters: {A: A}", "office.yaml: letters: has no name for B: every letter A–Z needs one"),
        ("language: \"\"", "office.yaml: language: is missing or empty"),
    ])
    func aBrokenFileIsRefused(change: String, message: String) throws {
        let key = String(change.prefix { $0 != ":" })
        let yaml = Self.valid.split(separator: "\n").filter { !$0.hasPrefix(key + ":") }.joined(separator: "\n") + "\n" + change + "\n"
        let error = try #require(throws: PhraseBookError.self) { try PhraseBook(yaml: yaml, source: "office.yaml") }
        #expect(error.description == message)
    }

    @Test func notYAMLAtAllIsRefused() {
        #expect(throws: PhraseBookError.self) { try PhraseBook(yaml: "call: [unclosed", source: "x.yaml") }
    }
}
