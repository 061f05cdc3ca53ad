import Foundation
import Testing
@testable import DeviceProfiles

/// The profile files shipped in Devices/printers.
@Suite struct ShippedProfileTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Devices/printers").path

    let catalog: PrinterProfileCatalog

    init() throws {
        catalog = try PrinterProfileLoader(folder: Self.folder).load()
    }

    @Test func everyShippedFileLoads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".json") }
        #expect(catalog.profiles.count == files.count)
        #expect(catalog.profiles.map(\.id) == [
            "epson-tm-t20", "epson-tm-t82", "epson-tm-t88", "generic-escpos-58mm", "generic-escpos-80mm", "xprinter-xp-80",
        ])
        for file in files {
            #expect(catalog.profile(id: String(file.dropLast(5))) != nil, "file \(file) is named after its id")
        }
    }

    @Test func everyProfileCitesASourceAndDefaultsToRaster() {
        for profile in catalog.profiles {
            #expect(profile.source.count > 40, "\(profile.id)")
            #expect(!profile.vietnameseThroughCodePage, "\(profile.id): not yet seen printing Vietnamese")
        }
    }

    @Test func paperAndDots() throws {
        let p58 = try #require(catalog.profile(id: "generic-escpos-58mm"))
        #expect((p58.paperWidthMM, p58.printableDots, p58.dpi) == (58, 384, 203))
        let p80 = try #require(catalog.profile(id: "generic-escpos-80mm"))
        #expect((p80.paperWidthMM, p80.printableDots, p80.dpi) == (80, 576, 203))
        let t88 = try #require(catalog.profile(id: "epson-tm-t88"))
        #expect((t88.printableDots, t88.dpi, t88.fontAColumns) == (512, 180, 42))
        let t20 = try #require(catalog.profile(id: "epson-tm-t20"))
        #expect((t20.printableDots, t20.fontAColumns) == (576, 48))
    }

    @Test(arguments: ["epson-tm-t20", "epson-tm-t82", "epson-tm-t88"])
    func epsonVietnameseCodePages(_ id: String) throws {
        let profile = try #require(catalog.profile(id: id))
        #expect(profile.codePageNumber("WPC1258") == 52)
        #expect(profile.codePageNumber("tcvn-3") == 30)
        #expect(profile.codePageNumber("TCVN-3-upper") == 31)
        #expect(profile.qrCode && profile.code128 && profile.cutter == .partial)
    }

    @Test func genericProfilesAssumeLittle() throws {
        for id in ["generic-escpos-58mm", "generic-escpos-80mm"] {
            let profile = try #require(catalog.profile(id: id))
            #expect(!profile.qrCode)
            #expect(profile.codePageNumber("WPC1258") == nil)
            #expect(profile.usb.isEmpty && profile.ieee1284.isEmpty)
        }
    }
}
