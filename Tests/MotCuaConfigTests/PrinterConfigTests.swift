import Testing
@testable import MotCuaConfig

@Suite("Printers in the configuration")
struct PrinterConfigTests {
    static func load(_ yaml: String) throws -> MotCuaConfiguration {
        try MotCuaConfiguration.parse(yaml: yaml, source: "motcua.yaml", environment: [:])
    }

    @Test("roles, profiles and kiosks are read; the printer shorthand comes first and serves every kiosk")
    func readsPrinters() throws {
        let config = try Self.load("""
            printer: quay-chung
            printing: {poll_seconds: 2, language: en}
            printers:
              - {queue: kiosk-1, profile: epson-tm-t20, kiosks: [kiosk-1]}
              - {queue: a5, role: document}
            """)
        #expect(config.printingPollSeconds == 2)
        #expect(config.printingLanguage == "en")
        #expect(config.allPrinters == [
            ConfiguredPrinter(queue: "quay-chung"),
            ConfiguredPrinter(queue: "kiosk-1", role: .ticket, profile: "epson-tm-t20", kiosks: ["kiosk-1"]),
            ConfiguredPrinter(queue: "a5", role: .document),
        ])
        #expect(config.allPrinters[0].serves(kiosk: "kiosk-9"))
        #expect(!config.allPrinters[0].serves(kiosk: nil), "a ticket from no kiosk is not printed")
        #expect(config.allPrinters[1].serves(kiosk: "kiosk-1"))
        #expect(!config.allPrinters[1].serves(kiosk: "kiosk-2"))
        #expect(!config.allPrinters[2].serves(kiosk: "kiosk-1"), "a document printer prints no tickets")
    }

    @Test("the shorthand naming a listed queue does not list it twice")
    func shorthandListed() throws {
        let config = try Self.load("printer: kiosk-1\nprinters: [{queue: kiosk-1, profile: epson-tm-t88}]")
        #expect(config.allPrinters == [ConfiguredPrinter(queue: "kiosk-1", profile: "epson-tm-t88")])
    }

    @Test("no printer: nothing prints, every poll default holds")
    func none() throws {
        let config = try Self.load("site: {id: x}")
        #expect(config.allPrinters.isEmpty)
        #expect(config.printingPollSeconds == 5)
        #expect(config.printingLanguage == nil)
    }
}
