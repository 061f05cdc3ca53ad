import Testing
import WorkflowProtocol

@Suite("Frame encoder: one message, one line")
struct FrameEncoderTests {
    @Test("a frame is the compact JSON and one newline")
    func frame() throws {
        let frame = try FrameEncoder().encode(.request(RPCRequest(method: "ping", id: 1)))
        #expect(WireText.string(frame) == #"{"id":1,"jsonrpc":"2.0","method":"ping","params":{}}"# + "\n")
    }

    @Test("line breaks and control characters inside strings never make a raw newline", arguments: [
        "a\nb", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}\u{0C}", "x\n\u{2028}y\r", "\u{0}\u{1F}\u{7F}",
    ])
    func noRawNewline(text: String) throws {
        let message = RPCMessage.request(RPCRequest(method: "print.document", params: ["template": .string(text), text: 1], id: .string(text)))
        let frame = try FrameEncoder().encode(message)
        #expect(frame.last == 0x0A)
        #expect(!frame.dropLast().contains(0x0A))
        #expect(!frame.dropLast().contains(0x0D))
        var decoder = FrameDecoder()
        let events = decoder.feed(frame)
        #expect(events.count == 1)
        guard case .frame(let line) = events.first else {
            Issue.record("no frame")
            return
        }
        #expect(try RPCMessage(frame: line) == message)
    }

    @Test("a message of exactly the limit is framed; one byte more is refused")
    func limit() throws {
        let envelope = try FrameEncoder().encode(.request(RPCRequest(method: "x", params: ["s": ""], id: 1))).count - 1
        let encoder = FrameEncoder(limit: 1000)
        let fits = RPCMessage.request(RPCRequest(method: "x", params: ["s": .string(String(repeating: "a", count: 1000 - envelope))], id: 1))
        #expect(try encoder.encode(fits).count == 1001)
        let over = RPCMessage.request(RPCRequest(method: "x", params: ["s": .string(String(repeating: "a", count: 1001 - envelope))], id: 1))
        #expect(throws: FrameEncodingError.tooLarge(byteCount: 1001, limit: 1000)) { try encoder.encode(over) }
        #expect(FrameEncodingError.tooLarge(byteCount: 1001, limit: 1000).code == "frame_too_large")
    }

    @Test("the default limit is the decoder's: a frame of exactly 1 MiB goes through, one byte more is refused")
    func defaultLimit() throws {
        let envelope = try FrameEncoder().encode(.request(RPCRequest(method: "x", params: ["s": ""], id: 1))).count - 1
        let room = FrameLimit.bytes - envelope
        let text = String(repeating: "ộ", count: room / 3) + String(repeating: "a", count: room % 3)
        let frame = try FrameEncoder().encode(.request(RPCRequest(method: "x", params: ["s": .string(text)], id: 1)))
        #expect(frame.count == FrameLimit.bytes + 1)
        var decoder = FrameDecoder()
        #expect(decoder.feed(frame) == [.frame(Array(frame.dropLast()))])
        #expect(throws: FrameEncodingError.tooLarge(byteCount: FrameLimit.bytes + 1, limit: FrameLimit.bytes)) {
            try FrameEncoder().encode(.request(RPCRequest(method: "x", params: ["s": .string(text + "a")], id: 1)))
        }
    }

    @Test("what JSON cannot hold is refused")
    func unencodable() throws {
        #expect(throws: FrameEncodingError.self) {
            try FrameEncoder().encode(.response(RPCResponse(id: 1, result: .double(.nan))))
        }
        do {
            _ = try FrameEncoder().encodeResult(["ratio": Double.infinity], id: 1)
            Issue.record("infinity was framed")
        } catch {
            #expect(error.code == "unencodable")
        }
    }

    @Test("typed requests and results frame exactly as their untyped messages")
    func typedMatchesUntyped() throws {
        let encoder = FrameEncoder()
        let hello = SessionHelloParams(site: "ubnd-ben-nghe", daemonID: "d-1")
        let typed = try encoder.encodeRequest(hello, id: 1)
        #expect(try typed == encoder.encode(.request(RPCRequest(hello, id: 1))))
        #expect(WireText.string(typed) == #"{"id":1,"jsonrpc":"2.0","method":"session.hello","params":{"daemon_id":"d-1","protocol":1,"site":"ubnd-ben-nghe"}}"# + "\n")

        let notification = try encoder.encodeRequest(PingParams(), id: nil)
        #expect(WireText.string(notification) == #"{"jsonrpc":"2.0","method":"ping","params":{}}"# + "\n")

        let custom = try encoder.encodeRequest(method: "x.y", params: ["k": 1], id: "r")
        #expect(WireText.string(custom) == #"{"id":"r","jsonrpc":"2.0","method":"x.y","params":{"k":1}}"# + "\n")

        let result = try encoder.encodeResult(EventsPublishResult(ackedSeq: 42), id: 1)
        #expect(try result == encoder.encode(.response(RPCResponse(id: 1, result: ["acked_seq": 42]))))
        #expect(WireText.string(result) == #"{"id":1,"jsonrpc":"2.0","result":{"acked_seq":42}}"# + "\n")

        let error = try encoder.encodeError(.parseError("not JSON"), id: nil)
        #expect(WireText.string(error) == #"{"error":{"code":-32700,"message":"Parse error: not JSON"},"id":null,"jsonrpc":"2.0"}"# + "\n")
    }
}
