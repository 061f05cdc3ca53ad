import DeviceProfiles
import EscPos
import Foundation
import PrintLayout
import Raster
import Testing

/// Every shipped printer model's ticket: the bytes parse back into the expected commands, the Vietnamese
/// lines are the rasterizer's glyphs dot for dot, and a PNG of each is saved to look at.
@Suite("Ticket bytes per printer model")
struct TicketBytesTests {
    static let catalog: PrinterProfileCatalog = {
        (try? PrinterProfileLoader(folder: Checkout.printers).load()) ?? PrinterProfileCatalog(profiles: [])
    }()

    static func ticket(on profile: PrinterProfile) throws -> (document: PrintDocument, commands: [EscPosCommand]) {
        let document = try PrintTemplate(contentsOf: Checkout.ticketTemplate("vi")).render(try SampleTicket.data().values)
        let bytes = try EscPosRenderer(profile: profile).bytes(for: document)
        return (document, try EscPosParser().parseStrictly(bytes))
    }

    @Test("every model in Devices/printers is loaded")
    func modelsLoaded() {
        #expect(Self.catalog.profiles.count >= 6)
    }

    @Test("the number prints big in the printer's font, the QR holds the ticket, the paper is cut as the model can",
          arguments: catalog.profiles)
    func numberQRCut(profile: PrinterProfile) throws {
        let (document, commands) = try Self.ticket(on: profile)
        #expect(commands.first == .initialize)
        let number = commands.firstIndex(of: .text(Array("A001".utf8)))
        #expect(number != nil)
        if let number {
            let before = commands[..<number]
            #expect(before.last(where: { if case .characterSize = $0 { true } else { false } }) == .characterSize(width: 4, height: 4))
            #expect(before.last(where: { if case .emphasis = $0 { true } else { false } }) == .emphasis(true))
            #expect(before.last(where: { if case .justification = $0 { true } else { false } }) == .justification(.center))
        }
        let qrText = try #require(document.blocks.compactMap { if case .qrCode(let t, _) = $0 { t } else { nil } }.first)
        if profile.qrCode {
            #expect(commands.contains(.qrStore(Array(qrText.utf8))))
            #expect(commands.contains(.qrPrint))
        } else {
            #expect(!commands.contains(.qrPrint))
        }
        switch profile.cutter {
        case .none: #expect(!commands.contains { if case .cut = $0 { true } else if case .feedAndCut = $0 { true } else { false } })
        case .full: #expect(commands.last == .feedAndCut(.full, feed: 3))
        case .partial: #expect(commands.last == .feedAndCut(.partial, feed: 3))
        }
    }

    @Test("Vietnamese lines go as raster, each exactly the rasterizer's glyphs across the printable width",
          arguments: catalog.profiles)
    func vietnameseAsRaster(profile: PrinterProfile) throws {
        let (_, commands) = try Self.ticket(on: profile)
        // No Vietnamese byte ever goes as text on a model whose code page has not been seen to work.
        for case .text(let bytes) in commands { #expect(bytes.allSatisfy { (0x20...0x7E).contains($0) }) }
        let images = commands.compactMap { command -> MonochromeBitmap? in
            guard case .rasterImage(let widthBytes, let height, let data) = command else { return nil }
            return try? MonochromeBitmap(width: widthBytes * 8, height: height, packedBytes: data)
        }
        #expect(images.allSatisfy { $0.width == (profile.printableDots + 7) / 8 * 8 })
        let font = try FontRasterizer(fontPath: FontRasterizer.defaultFontPath)
        for line in ["Tư pháp – Hộ tịch", "Lấy số lúc 08:05 ngày 03/12/2026"] {
            let expected = try font.render(line, pixelHeight: 24, maxWidth: profile.printableDots, alignment: .center)
                .padded(toWidth: (profile.printableDots + 7) / 8 * 8)
            #expect(images.contains(expected), "no raster band is \"\(line)\" as FreeType draws it")
        }
    }

    @Test("a preview PNG of each model's ticket is saved to artifacts/printing", arguments: catalog.profiles)
    func previewPNG(profile: PrinterProfile) throws {
        let (_, commands) = try Self.ticket(on: profile)
        let paper = try EscPosPreview(width: profile.printableDots).draw(commands)
        #expect(paper.height > 600)
        #expect(paper.inkCount > 10_000)
        let file = try Checkout.artifacts().appendingPathComponent("ticket-\(profile.id).png")
        try PNGEncoder.encode(paper).write(to: file)
    }

    @Test("a model whose WPC1258 has been seen to work gets Vietnamese as text in that code page")
    func codePagePath() throws {
        var profile = try #require(Self.catalog.profile(id: "epson-tm-t88"))
        profile.vietnameseThroughCodePage = true
        profile.codePages = [PrinterCodePage(name: "PC437", number: 0), PrinterCodePage(name: "WPC1258", number: 52)]
        let (_, commands) = try Self.ticket(on: profile)
        #expect(commands.contains(.selectCodePage(52)))
        #expect(commands.contains(.text(try CP1258Encoder().encode("Tư pháp – Hộ tịch"))))
        #expect(!commands.contains { if case .rasterImage = $0 { true } else { false } } || !profile.qrCode)
    }

    @Test("a character no font has is a clear error, not a box on paper")
    func missingGlyph() throws {
        let profile = try #require(Self.catalog.profile(id: "generic-escpos-58mm"))
        let document = PrintDocument(blocks: [.text("Số 漢", .plain)])
        #expect {
            _ = try EscPosRenderer(profile: profile).bytes(for: document)
        } throws: { error in
            "\(error)".contains("漢")
        }
    }
}
