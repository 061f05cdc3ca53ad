import Foundation
import Testing
import Workflow

@Suite("What a public kiosk may show")
struct PublicViewTests {
    static func nfc(_ text: String) -> [Unicode.Scalar] { Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) }

    @Test("names are masked: family name, middle initials with **, given initial", arguments: [
        ("Nguyễn Văn An", "Nguyễn V** A"),
        ("Trần Thị Thu Hà", "Trần T** T** H"),                 // four words
        ("Tôn Nữ Thị Ánh Tuyết", "Tôn N** T** Á** T"),         // five words
        ("Đặng Thị Ánh", "Đặng T** Á"),
        ("Ông Ích Khiêm", "Ông Í** K"),
        ("Lê Ánh", "Lê Á"),                                     // two words: family name and given initial
        ("Đặng", "Đ**"),                                        // one word: initial only
        ("  Nguyễn \t Văn   An  ", "Nguyễn V** A"),
        ("", ""),
        ("   ", ""),
    ])
    func masked(name: String, expected: String) {
        #expect(Self.nfc(ApplicantName.masked(name)) == Self.nfc(expected))
    }

    @Test("NFD input gives the same NFC output, scalar for scalar", arguments: [
        "Nguyễn Văn An", "Đỗ Ánh Dương", "Ưng Hoàng Phúc", "Ấu Triệu",
    ])
    func nfdInput(name: String) {
        let fromNFD = ApplicantName.masked(name.decomposedStringWithCanonicalMapping)
        let fromNFC = ApplicantName.masked(name.precomposedStringWithCanonicalMapping)
        #expect(Array(fromNFD.unicodeScalars) == Array(fromNFC.unicodeScalars))
        #expect(fromNFD.unicodeScalars.allSatisfy { !(0x300...0x36F).contains($0.value) }, "no combining marks left")
    }

    @Test("an initial keeps its diacritics as one character")
    func diacriticInitial() {
        let masked = ApplicantName.masked("Nguyễn Ánh".decomposedStringWithCanonicalMapping)
        #expect(Self.nfc(masked) == Self.nfc("Nguyễn Á"))
        #expect(masked.unicodeScalars.count == "Nguyễn Á".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test("the public view carries the lookup fields, the masked name, and never the full name")
    func view() throws {
        var dossier = Fixture.dossier()
        try dossier.transition(to: .processing, at: Fixture.at("2026-03-09 09:30"))
        try dossier.requestSupplement(["Bản sao giấy khai sinh"], at: Fixture.at("2026-03-09 10:00"))
        let view = dossier.publicView(calendar: Fixture.calendar, at: Fixture.at("2026-03-10 10:00"))
        #expect(view.applicantMasked == "Nguyễn V** A")
        #expect(view.status == "Yêu cầu bổ sung giấy tờ" && view.statusCode == 5)
        #expect(view.dueAt.map(Fixture.text) == "2026-03-12 09:00")      // moved by the 8 h of supplement so far
        #expect(dossier.publicView(at: Fixture.at("2026-03-10 10:00")).dueAt.map(Fixture.text) == "2026-03-11 09:00")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(view)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["code", "status", "status_code", "procedure", "unit", "received_at", "due_at",
                                     "supplement", "applicant_masked", "updated_at"])
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("Văn") && !text.contains("\"applicant\""))
        #expect(dossier.applicantMasked == "Nguyễn V** A")
    }
}
