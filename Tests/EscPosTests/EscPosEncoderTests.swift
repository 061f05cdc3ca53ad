import Testing
@testable import EscPos

/// Exact bytes for every command, from the ESC/POS facts in TESTING.md and the Epson command reference.
@Suite struct EscPosEncoderTests {
    let encoder = EscPosEncoder()

    static let expected: [(EscPosCommand, [UInt8])] = [
        (.initialize, [0x1B, 0x40]),
        (.selectCodePage(52), [0x1B, 0x74, 0x34]),
        (.text(Array("A012".utf8)), [0x41, 0x30, 0x31, 0x32]),
        (.lineFeed, [0x0A]),
        (.justification(.left), [0x1B, 0x61, 0x00]),
        (.justification(.center), [0x1B, 0x61, 0x01]),
        (.justification(.right), [0x1B, 0x61, 0x02]),
        (.emphasis(true), [0x1B, 0x45, 0x01]),
        (.emphasis(false), [0x1B, 0x45, 0x00]),
        (.characterSize(width: 1, height: 1), [0x1D, 0x21, 0x00]),
        (.characterSize(width: 2, height: 3), [0x1D, 0x21, 0x12]),
        (.characterSize(width: 8, height: 8), [0x1D, 0x21, 0x77]),
        (.qrSelectModel2, [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]),
        (.qrModuleSize(6), [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06]),
        (.qrErrorLevel(.low), [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x30]),
        (.qrErrorLevel(.high), [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x33]),
        (.qrStore(Array("A012".utf8)), [0x1D, 0x28, 0x6B, 0x07, 0x00, 0x31, 0x50, 0x30, 0x41, 0x30, 0x31, 0x32]),
        (.qrPrint, [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]),
        (.code128(Array("{BA012".utf8)), [0x1D, 0x6B, 0x49, 0x06, 0x7B, 0x42, 0x41, 0x30, 0x31, 0x32]),
        (.rasterImage(widthBytes: 2, height: 1, data: [0xFF, 0x01]), [0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x01, 0x00, 0xFF, 0x01]),
        (.cut(.full), [0x1D, 0x56, 0x00]),
        (.cut(.partial), [0x1D, 0x56, 0x01]),
        (.feedAndCut(.full, feed: 3), [0x1D, 0x56, 0x41, 0x03]),
        (.feedAndCut(.partial, feed: 0), [0x1D, 0x56, 0x42, 0x00]),
        (.feed(lines: 4), [0x1B, 0x64, 0x04]),
    ]

    @Test(arguments: expected.indices)
    func exactBytes(_ index: Int) throws {
        let (command, bytes) = Self.expected[index]
        #expect(try encoder.encode(command) == bytes, "\(command)")
    }

    @Test func qrStoreLengthCountsItsThreeHeaderBytes() throws {
        let data = [UInt8](repeating: 0x41, count: 300)
        let bytes = try encoder.encode(.qrStore(data))
        #expect(Array(bytes.prefix(8)) == [0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30])  // 303 = 0x012F
        #expect(bytes.count == 8 + 300)
    }

    @Test func rasterHeaderIsLittleEndian() throws {
        let bytes = try encoder.encode(.rasterImage(widthBytes: 72, height: 300, data: [UInt8](repeating: 0, count: 72 * 300)))
        #expect(Array(bytes.prefix(8)) == [0x1D, 0x76, 0x30, 0x00, 72, 0x00, 0x2C, 0x01])
    }

    @Test func listKeepsOrder() throws {
        #expect(try encoder.encode([.initialize, .feed(lines: 1), .cut(.partial)]) == [0x1B, 0x40, 0x1B, 0x64, 0x01, 0x1D, 0x56, 0x01])
    }

    static let refused: [(EscPosCommand, EscPosEncodingError.Code)] = [
        (.text([0x41, 0x0A]), .controlByteInText),
        (.text([0x1B, 0x40]), .controlByteInText),
        (.characterSize(width: 0, height: 1), .outOfRange),
        (.characterSize(width: 1, height: 9), .outOfRange),
        (.qrModuleSize(0), .outOfRange),
        (.qrModuleSize(17), .outOfRange),
        (.qrStore([]), .outOfRange),
        (.qrStore([UInt8](repeating: 0x30, count: 7090)), .outOfRange),
        (.code128([0x41]), .outOfRange),
        (.code128([UInt8](repeating: 0x41, count: 256)), .outOfRange),
        (.rasterImage(widthBytes: 0, height: 1, data: []), .outOfRange),
        (.rasterImage(widthBytes: 2, height: 2, data: [0, 0, 0]), .rasterSizeMismatch),
    ]

    @Test(arguments: refused.indices)
    func refusesValuesOutOfRange(_ index: Int) {
        let (command, code) = Self.refused[index]
        #expect {
            _ = try encoder.encode([.initialize, command])
        } throws: { error in
            guard let error = error as? EscPosEncodingError else { return false }
            return error.code == code && error.commandIndex == 1 && !error.message.isEmpty
        }
    }

    @Test func controlByteErrorNamesTheByte() {
        #expect(throws: EscPosEncodingError.self) { try encoder.encode(.text([0x41, 0x0A])) }
        do {
            _ = try encoder.encode(.text([0x41, 0x0A]))
        } catch {
            #expect(error.description.contains("0x0A"))
            #expect(error.description.contains("byte 1"))
        }
    }
}
