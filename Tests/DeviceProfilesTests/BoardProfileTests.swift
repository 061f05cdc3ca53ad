import DeviceProfiles
import Foundation
import Testing

/// LED counter boards as data: the shipped models load, frames are exactly the bytes their profile
/// describes, and a broken profile is refused naming the file and the reason.
@Suite("LED board profiles and frames")
struct BoardProfileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Devices/boards").path

    static func board(_ id: String) throws -> BoardProfile {
        let boards = try DeviceProfileLoader<BoardProfile>(folder: folder).load()
        return try #require(boards.first { $0.id == id })
    }

    @Test("the shipped board models load")
    func shippedModelsLoad() throws {
        let boards = try DeviceProfileLoader<BoardProfile>(folder: Self.folder).load()
        #expect(boards.map(\.id) == ["generic-ascii-line-3digit", "generic-rs485-stx-xor"])
    }

    @Test("STX, address, text, ETX, XOR: the bytes worked out by hand")
    func stxXor() throws {
        let encoder = BoardFrameEncoder(profile: try Self.board("generic-rs485-stx-xor"))
        // 05 ^ 41 = 44, ^ 30 = 74, ^ 31 = 45, ^ 35 = 70, ^ 03 = 73.
        #expect(encoder.show("A015", address: 5) == [0x02, 0x05, 0x41, 0x30, 0x31, 0x35, 0x03, 0x73])
        // Four spaces XOR to 0; 0x05 ^ 0x03 = 0x06.
        #expect(encoder.clear(address: 5) == [0x02, 0x05, 0x20, 0x20, 0x20, 0x20, 0x03, 0x06])
        #expect(encoder.displayed("b7") == "  B7", "upper case, right-aligned")
        #expect(encoder.displayed("A10015") == "0015", "the last characters when too long")
    }

    @Test("a digits-only board drops the letters; ASCII line mode ends with CR LF")
    func digitsOnly() throws {
        let encoder = BoardFrameEncoder(profile: try Self.board("generic-ascii-line-3digit"))
        #expect(encoder.show("A015") == Array("015\r\n".utf8))
        #expect(encoder.show("9") == Array("  9\r\n".utf8))
        #expect(encoder.clear() == Array("   \r\n".utf8))
    }

    @Test("address as two ASCII digits and a sum modulo 256")
    func asciiAddressSum() throws {
        let profile = BoardProfile(
            id: "x", vendor: "V", model: "M", source: "S", serial: BoardSerialSettings(), characters: 2, letters: false,
            frame: [.byte(0xAA), .addressASCII, .text, .sum8Checksum]
        )
        // '1'(31) + '2'(32) + '9'(39) + '9'(39) = 0xD5
        #expect(BoardFrameEncoder(profile: profile).show("99", address: 12) == [0xAA, 0x31, 0x32, 0x39, 0x39, 0xD5])
    }

    static let broken: [(json: String, reason: String)] = [
        (#"{"id":"a","vendor":"V","model":"M","source":"S","characters":4,"frame":["0x02","txt"]}"#, #"frame[1] "txt" is not a byte"#),
        (#"{"id":"a","vendor":"V","model":"M","source":"S","characters":4,"frame":["0x02"]}"#, #"must hold "text" exactly once"#),
        (#"{"id":"a","vendor":"V","model":"M","source":"S","characters":4,"frame":["xor","text"]}"#, "a checksum cannot come first"),
        (#"{"id":"a","vendor":"V","model":"M","source":"S","characters":4,"frame":["text"],"serial":{"baud":9601,"dataBits":8,"parity":"none","stopBits":1}}"#, "9601 is not one of"),
        (#"{"id":"a","vendor":"V","model":"M","source":"S","characters":40,"frame":["text"]}"#, "40 is outside 1…16"),
        (#"{"id":"a","vendor":"V","model":"M","source":"S","frame":["text"]}"#, #"has no "characters""#),
    ]

    @Test("a broken board profile is refused naming the file and the reason", arguments: broken.indices)
    func brokenProfile(index: Int) {
        let (json, reason) = Self.broken[index]
        #expect {
            _ = try DeviceProfileLoader<BoardProfile>.decode(Data(json.utf8), file: "Devices/boards/broken.json")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("board profile Devices/boards/broken.json") && text.contains(reason)
        }
    }
}
