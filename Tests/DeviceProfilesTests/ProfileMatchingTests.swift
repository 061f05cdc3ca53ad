import Testing
@testable import DeviceProfiles

@Suite struct ProfileMatchingTests {
    let catalog: PrinterProfileCatalog

    init() throws {
        catalog = try PrinterProfileLoader(folder: ShippedProfileTests.folder).load()
    }

    @Test(arguments: [
        ("MFG:EPSON;CMD:ESC/POS,FontA11,FontB11;MDL:TM-T88V;CLS:PRINTER;DES:TM-T88V;", "epson-tm-t88"),
        ("MFG:EPSON;MDL:TM-T88VI;", "epson-tm-t88"),
        ("mfg:epson;mdl:tm-t20ii;", "epson-tm-t20"),
        ("MANUFACTURER: Epson ;MODEL:TM-T20III;", "epson-tm-t20"),
        ("MFG:EPSON;MDL:TM-T82III;CMD:ESC/POS;", "epson-tm-t82"),
        ("MFG:Xprinter;MDL:XP-80C;", "xprinter-xp-80"),
    ])
    func ieee1284DeviceID(_ deviceID: String, _ id: String) {
        #expect(catalog.match(deviceID: deviceID)?.id == id)
    }

    @Test func unknownDeviceIDMatchesNothing() {
        #expect(catalog.match(deviceID: "MFG:EPSON;MDL:TM-T88IV;") == nil)
        #expect(catalog.match(deviceID: "MFG:HP;MDL:TM-T88V;") == nil)
        #expect(catalog.match(deviceID: "MDL:TM-T88V;") == nil)
        #expect(catalog.match(deviceID: "") == nil)
    }

    @Test func usbIDs() {
        #expect(catalog.match(usb: USBDeviceID(vendor: 0x04B8, product: 0x0E15))?.id == "epson-tm-t20")
        #expect(catalog.match(usb: USBDeviceID(vendor: 0x0416, product: 0x5011))?.id == "xprinter-xp-80")
        #expect(catalog.match(usb: USBDeviceID(vendor: 0x1234, product: 0x5678)) == nil)
    }

    @Test func sharedUSBIDNeedsTheDeviceID() {
        let shared = USBDeviceID(vendor: 0x04B8, product: 0x0202)
        #expect(catalog.profiles(matchingUSB: shared).map(\.id) == ["epson-tm-t82", "epson-tm-t88"])
        #expect(catalog.match(usb: shared) == nil)
        #expect(catalog.match(usb: shared, deviceID: "MFG:EPSON;MDL:TM-T82;")?.id == "epson-tm-t82")
    }

    @Test func exactModelBeatsPrefix() {
        let wildcard = profile(id: "a", match: IEEE1284Match(manufacturer: "EPSON", model: "TM-*"))
        let exact = profile(id: "b", match: IEEE1284Match(manufacturer: "EPSON", model: "TM-T88V"))
        let catalog = PrinterProfileCatalog(profiles: [wildcard, exact])
        #expect(catalog.profiles(matchingDeviceID: "MFG:Epson;MDL:tm-t88v").map(\.id) == ["b", "a"])
        #expect(catalog.match(deviceID: "MFG:Epson;MDL:TM-U220")?.id == "a")
    }

    @Test func deviceIDParsing() {
        let id = IEEE1284DeviceID("MFG:EPSON;CMD:ESC/POS;MDL:TM-T20II;junk;CLS:PRINTER")
        #expect(id.manufacturer == "EPSON")
        #expect(id.model == "TM-T20II")
        #expect(id.fields["CLS"] == "PRINTER")
        #expect(id.fields.count == 4)
    }

    private func profile(id: String, match: IEEE1284Match) -> PrinterProfile {
        PrinterProfile(
            id: id, vendor: "Epson", model: "x", source: "test", paperWidthMM: 80, printableDots: 512, dpi: 180,
            fontAColumns: 42, codePages: [], qrCode: true, code128: true, cutter: .full, ieee1284: [match]
        )
    }
}
