import Foundation
import PrintLayout
import Raster
import Testing

@Suite("Print templates")
struct PrintTemplateTests {
    @Test("the Vietnamese ticket template gives the office, service, big number, time, people ahead, estimate, QR and cut")
    func vietnameseTicket() throws {
        let template = try PrintTemplate(contentsOf: Checkout.ticketTemplate("vi"))
        let document = try template.render(try SampleTicket.data().values)
        #expect(document.texts.contains("UBND phường Bến Thành"))
        #expect(document.texts.contains("Tư pháp – Hộ tịch"))
        #expect(document.texts.contains("Ưu tiên: Người cao tuổi"))
        #expect(document.texts.contains("Lấy số lúc 08:05 ngày 03/12/2026"))
        #expect(document.texts.contains("Số người chờ trước bạn: 12"))
        #expect(document.texts.contains("Thời gian chờ dự kiến: khoảng 15 phút"))
        #expect(document.blocks.contains(.text("A001", PrintStyle(alignment: .center, bold: true, size: 4))))
        let qr = document.blocks.compactMap { if case .qrCode(let text, _) = $0 { text } else { nil } }
        #expect(qr.count == 1)
        #expect(qr.first?.contains("Số thứ tự: A001") == true)
        #expect(qr.first?.contains("Mã vé: 7f3c2a10-0000-4000-8000-000000000001") == true)
        #expect(document.blocks.last == .cut)
        for text in document.texts { #expect(text == text.precomposedStringWithCanonicalMapping) }
    }

    @Test("without a priority or an estimate those lines are left out, with no gap")
    func regularTicket() throws {
        let template = try PrintTemplate(contentsOf: Checkout.ticketTemplate("vi"))
        var values = try SampleTicket.data().values
        values["priority"] = nil
        values["estimate_minutes"] = nil
        let document = try template.render(values)
        #expect(!document.texts.contains { $0.hasPrefix("Ưu tiên") || $0.hasPrefix("Thời gian chờ") })
        #expect(!document.blocks.contains(.blank(.plain)))
    }

    @Test("the English template reads in English")
    func englishTicket() throws {
        let document = try PrintTemplate(contentsOf: Checkout.ticketTemplate("en")).render(try SampleTicket.data().values)
        #expect(document.texts.contains("People ahead of you: 12"))
        #expect(document.texts.contains("Estimated wait: about 15 min"))
    }

    @Test("a value can never become a directive: @ and newlines in values stay text")
    func valuesStayText() throws {
        let template = try PrintTemplate(source: "@center\n{{office}}\n@cut\n", file: "t.txt")
        let document = try template.render(["office": "@cut\n@size 8 a@b"])
        #expect(document.blocks == [.text("@cut @size 8 a@b", PrintStyle(alignment: .center, bold: false, size: 1)), .cut])
    }

    @Test("NFD text in a value prints as NFC")
    func nfc() throws {
        let document = try PrintTemplate(source: "{{x}}\n", file: "t.txt").render(["x": "Hồ sơ".decomposedStringWithCanonicalMapping])
        #expect(document.texts == ["Hồ sơ".precomposedStringWithCanonicalMapping])
    }

    @Test("a wrong directive is refused with the file, the line and the reason", arguments: [
        ("@center\n@sizes 2\n", 2, "unknown directive @sizes"),
        ("{{! a comment\n @left mentioned }}\n@size 9\n", 3, "@size needs a whole number from 1 to 8, got \"9\""),
        ("@feed\n", 1, "@feed needs a number of lines"),
        ("@cut now\n", 1, "@cut takes no argument"),
        ("@bold maybe\n", 1, "@bold takes nothing"),
    ])
    func wrongDirective(source: String, line: Int, reason: String) {
        #expect {
            _ = try PrintTemplate(source: source, file: "ticket.txt")
        } throws: { error in
            guard let error = error as? PrintTemplateError else { return false }
            return error.file == "ticket.txt" && error.line == line && error.reason.contains(reason)
        }
    }

    @Test("a template that is not Mustache, or not there, is refused naming the file")
    func badFile() {
        #expect(throws: PrintTemplateError.self) { _ = try PrintTemplate(source: "{{#open}}\n", file: "t.txt") }
        #expect {
            _ = try PrintTemplate(contentsOf: "/nonexistent/ticket.txt")
        } throws: { ($0 as? PrintTemplateError)?.file == "/nonexistent/ticket.txt" }
    }
}
