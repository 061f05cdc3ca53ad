import Testing
import WorkflowProtocol

@Suite("Frame decoder: newline-delimited frames")
struct FrameDecoderTests {
    private let ping = #"{"jsonrpc":"2.0","method":"ping","id":1}"#

    @Test("one chunk with several frames gives them in order")
    func severalFrames() {
        var decoder = FrameDecoder()
        let events = decoder.feed(WireText.bytes("\(ping)\n{\"a\":1}\n[2]\n"))
        #expect(WireText.frames(events) == [ping, #"{"a":1}"#, "[2]"])
        #expect(events.count == 3)
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test("a frame without its newline waits for it")
    func waits() {
        var decoder = FrameDecoder()
        #expect(decoder.feed(WireText.bytes(ping)).isEmpty)
        #expect(decoder.bufferedByteCount == ping.utf8.count)
        #expect(WireText.frames(decoder.feed(WireText.bytes("\n"))) == [ping])
    }

    @Test("split at every point, even inside \"ộ\", a frame comes out whole and once")
    func everySplit() {
        let text = #"{"name":"Nguyễn Thị Hộ","n":1}"#
        let bytes = WireText.bytes(text + "\n")
        for split in 0...bytes.count {
            var decoder = FrameDecoder()
            let events = decoder.feed(bytes[..<split]) + decoder.feed(bytes[split...])
            #expect(events == [.frame(WireText.bytes(text))], "split at \(split)")
        }
        for first in 0...bytes.count {
            for second in first...bytes.count {
                var decoder = FrameDecoder()
                let events = decoder.feed(bytes[..<first]) + decoder.feed(bytes[first..<second]) + decoder.feed(bytes[second...])
                #expect(events == [.frame(WireText.bytes(text))], "splits at \(first), \(second)")
            }
        }
    }

    @Test("fed one byte at a time, frames and their order survive")
    func byteByByte() {
        let stream = "\(ping)\r\n\n{\"s\":\"Hộ tịch\"}\n"
        var decoder = FrameDecoder()
        var events: [FrameEvent] = []
        for byte in stream.utf8 { events += decoder.feed([byte]) }
        #expect(WireText.frames(events) == [ping, #"{"s":"Hộ tịch"}"#])
        #expect(events.count == 2)
    }

    @Test("a trailing CR is stripped; a CR elsewhere stays")
    func carriageReturn() {
        var decoder = FrameDecoder()
        #expect(WireText.frames(decoder.feed(WireText.bytes("\(ping)\r\na\rb\n"))) == [ping, "a\rb"])
        var split = FrameDecoder()
        #expect(split.feed(WireText.bytes("\(ping)\r")).isEmpty)
        #expect(WireText.frames(split.feed(WireText.bytes("\n"))) == [ping])
    }

    @Test("empty lines are skipped, a lone CR too")
    func emptyLines() {
        var decoder = FrameDecoder()
        let events = decoder.feed(WireText.bytes("\n\n\r\n\(ping)\n\n"))
        #expect(events == [.frame(WireText.bytes(ping))])
    }

    @Test("invalid UTF-8 is its own event, and the next line still decodes", arguments: [
        [0xFF], [0xC3], [0xE1, 0xBB], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x61, 0x80, 0x62],
    ] as [[UInt8]])
    func invalidUTF8(bad: [UInt8]) {
        var decoder = FrameDecoder()
        let events = decoder.feed(bad + [0x0A] + WireText.bytes(ping) + [0x0A])
        #expect(events == [.invalidUTF8(byteCount: bad.count), .frame(WireText.bytes(ping))])
        #expect(events[0].refusal?.error.code == .parseError)
        #expect(events[1].refusal == nil)
    }

    @Test("a line of exactly the limit passes; one byte more is refused once, and the next line decodes")
    func exactLimit() {
        let limit = FrameLimit.bytes
        #expect(limit == 1_048_576)
        let exact = [UInt8](repeating: 0x61, count: limit)
        var decoder = FrameDecoder()
        #expect(decoder.feed(exact + [0x0A]) == [.frame(exact)])

        var over = FrameDecoder()
        let events = over.feed(exact + [0x61, 0x0A] + WireText.bytes(ping) + [0x0A])
        #expect(events == [.frameTooLarge(limit: limit), .frame(WireText.bytes(ping))])
        #expect(events[0].refusal?.error.code == .invalidRequest)
        #expect(events[0].refusal?.reply?.id == nil)
    }

    @Test("the limit counts a CR before the newline")
    func limitCountsCR() {
        var decoder = FrameDecoder(limit: 8)
        #expect(decoder.feed(WireText.bytes("1234567\r\n")) == [.frame(WireText.bytes("1234567"))])
        #expect(decoder.feed(WireText.bytes("12345678\r\n")) == [.frameTooLarge(limit: 8)])
    }

    @Test("an oversized line fed in small chunks is reported once, as soon as it passes the limit")
    func oversizedInChunks() {
        var decoder = FrameDecoder(limit: 100)
        var events: [FrameEvent] = []
        for _ in 0..<10 { events += decoder.feed([UInt8](repeating: 0x7B, count: 30)) }
        #expect(events == [.frameTooLarge(limit: 100)])
        #expect(decoder.isDiscarding)
        #expect(decoder.bufferedByteCount == 0)
        events = decoder.feed(WireText.bytes("tail of the long line\n\(ping)\n"))
        #expect(events == [.frame(WireText.bytes(ping))])
        #expect(!decoder.isDiscarding)
    }

    @Test("3 MiB without a newline: one refusal, never more than the limit held, then the stream resyncs")
    func boundedMemory() {
        var decoder = FrameDecoder()
        var events: [FrameEvent] = []
        let chunk = [UInt8](repeating: 0x5B, count: 48 * 1024 + 7)
        var fed = 0
        while fed < 3 * 1_048_576 {
            events += decoder.feed(chunk)
            fed += chunk.count
            #expect(decoder.bufferedByteCount <= FrameLimit.bytes)
        }
        #expect(events == [.frameTooLarge(limit: FrameLimit.bytes)])
        #expect(decoder.bufferedByteCount == 0)
        #expect(decoder.feed(WireText.bytes("]]]\n\(ping)\n")) == [.frame(WireText.bytes(ping))])
    }

    @Test("finishing reports a line cut off by the end of the stream")
    func finish() {
        var decoder = FrameDecoder()
        _ = decoder.feed(WireText.bytes(#"{"jsonrpc":"2.0","#))
        let end = decoder.finish()
        #expect(end == .truncated(byteCount: 17))
        #expect(end?.refusal?.reply == nil)
        #expect(decoder.bufferedByteCount == 0)
        #expect(decoder.finish() == nil)

        var discarding = FrameDecoder(limit: 4)
        _ = discarding.feed(WireText.bytes("123456"))
        #expect(discarding.finish() == nil)
        #expect(!discarding.isDiscarding)

        var clean = FrameDecoder()
        _ = clean.feed(WireText.bytes("\(ping)\n\r"))
        #expect(clean.finish() == nil)
    }

    @Test("random garbage never stops it: every event is a frame of valid UTF-8 or a refusal")
    func randomGarbage() {
        var generator = SystemRandomNumberGenerator()
        var decoder = FrameDecoder(limit: 300)
        for _ in 0..<300 {
            let chunk = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in
                UInt8.random(in: 0...99, using: &generator) == 0 ? 0x0A : UInt8.random(in: 0...255, using: &generator)
            }
            for event in decoder.feed(chunk) {
                switch event {
                case .frame(let bytes):
                    #expect(!bytes.isEmpty && bytes.count <= 300 && !bytes.contains(0x0A))
                    #expect(String(validating: bytes, as: UTF8.self) != nil)
                    #expect(WireText.refusal(bytes: bytes) != nil)
                case .frameTooLarge, .invalidUTF8: break
                case .truncated: Issue.record("truncated before the end")
                }
            }
            #expect(decoder.bufferedByteCount <= 300)
        }
        _ = decoder.feed([0x0A])  // ends whatever line the garbage left open
        #expect(decoder.feed(WireText.bytes("\(ping)\n")) == [.frame(WireText.bytes(ping))])
    }

    @Test("a non-contiguous collection is fed the same as an array")
    func anyCollection() {
        var decoder = FrameDecoder()
        let bytes = WireText.bytes("\(ping)\n")
        #expect(decoder.feed(bytes.lazy.map { $0 }) == [.frame(WireText.bytes(ping))])
    }
}
