import Testing
@testable import EscPos

@Suite struct EscPosParserTests {
    let encoder = EscPosEncoder()
    let parser = EscPosParser()

    @Test(arguments: EscPosEncoderTests.expected.indices)
    func everyCommandRoundTrips(_ index: Int) throws {
        let command = EscPosEncoderTests.expected[index].0
        let result = parser.parse(try encoder.encode(command))
        #expect(result.problems.isEmpty)
        #expect(result.commands == [command])
    }

    @Test func aWholeTicketRoundTrips() throws {
        let ticket: [EscPosCommand] = [
            .initialize, .selectCodePage(52), .justification(.center), .emphasis(true),
            .text(Array("UBND PHUONG".utf8)), .lineFeed, .emphasis(false),
            .characterSize(width: 4, height: 4), .text(Array("A012".utf8)), .lineFeed,
            .characterSize(width: 1, height: 1),
            .qrSelectModel2, .qrModuleSize(6), .qrErrorLevel(.medium), .qrStore(Array("https://x/t/A012".utf8)), .qrPrint,
            .code128(Array("{BA012".utf8)),
            .rasterImage(widthBytes: 3, height: 2, data: [0x80, 0, 1, 0xFF, 0x1B, 0x0A]),
            .feed(lines: 3), .feedAndCut(.partial, feed: 2),
        ]
        #expect(try parser.parseStrictly(try encoder.encode(ticket)) == ticket)
    }

    @Test func asciiParameterFormsAreAccepted() {
        // GS V 48/49 and ESC a 49 are the ASCII-digit forms some drivers send.
        let result = parser.parse([0x1D, 0x56, 0x30, 0x1D, 0x56, 0x31, 0x1B, 0x61, 0x31])
        #expect(result.commands == [.cut(.full), .cut(.partial), .justification(.center)])
    }

    @Test func unknownSequenceIsReportedWithItsOffsetAndSkipped() {
        // "AB", ESC M 1 (select font: not modelled), "C"
        let result = parser.parse([0x41, 0x42, 0x1B, 0x4D, 0x31, 0x43])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.kind == .unknown)
        #expect(result.problems.first?.offset == 2)
        #expect(result.problems.first?.message.contains("ESC 0x4D") == true)
        // The skipped parameter byte "1" reads as text: the parser cannot know unknown lengths.
        #expect(result.commands == [.text([0x41, 0x42]), .text([0x31, 0x43])])
    }

    @Test func strayControlByte() {
        let result = parser.parse([0x41, 0x07, 0x42])
        #expect(result.problems == [EscPosParseProblem(kind: .unknown, offset: 1, message: "stray control byte 0x07")])
    }

    @Test func truncatedQRStore() {
        // announces 7 bytes (3 + "A012") but only "A0" follows
        let bytes: [UInt8] = [0x1B, 0x40, 0x1D, 0x28, 0x6B, 0x07, 0x00, 0x31, 0x50, 0x30, 0x41, 0x30]
        let result = parser.parse(bytes)
        #expect(result.commands == [.initialize])
        #expect(result.problems.map(\.kind) == [.truncated])
        #expect(result.problems.first?.offset == 2)
    }

    @Test func truncatedRasterAndBareEscape() {
        let raster = parser.parse([0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0xFF])
        #expect(raster.problems.map(\.kind) == [.truncated])
        #expect(raster.problems.first?.message.contains("needs 4 bytes") == true)
        let escape = parser.parse([0x41, 0x1B])
        #expect(escape.problems == [EscPosParseProblem(kind: .truncated, offset: 1, message: "ESC at end of input")])
        let feed = parser.parse([0x1B, 0x64])
        #expect(feed.problems.map(\.kind) == [.truncated])
    }

    @Test func unsupportedParameters() {
        let model1 = parser.parse([0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x31, 0x00])
        #expect(model1.problems.map(\.kind) == [.unsupportedParameter])
        let ean13 = parser.parse([0x1D, 0x6B, 67, 0x0C] + [UInt8](repeating: 0x30, count: 12))
        #expect(ean13.problems.map(\.kind) == [.unsupportedParameter])
        let cut = parser.parse([0x1D, 0x56, 0x07])
        #expect(cut.problems.map(\.kind) == [.unsupportedParameter])
    }

    @Test func strictParsingThrowsTheFirstProblem() {
        #expect(throws: EscPosParseProblem(kind: .truncated, offset: 0, message: "GS V without its mode")) {
            try parser.parseStrictly([0x1D, 0x56])
        }
    }
}
