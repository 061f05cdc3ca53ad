import Testing
import WorkflowProtocol

@Suite("JSON-RPC messages: classifying a frame")
struct RPCMessageTests {
    @Test("a request with an integer, a string id")
    func requests() throws {
        let numbered = try RPCMessage(frame: WireText.bytes(#"{"jsonrpc":"2.0","method":"ping","params":{},"id":7}"#))
        #expect(numbered == .request(RPCRequest(method: "ping", params: [:], id: .number(7))))
        let named = try RPCMessage(frame: WireText.bytes(#"{"jsonrpc":"2.0","method":"dossier.lookup","params":{"code":"H47-1"},"id":"q-1"}"#))
        #expect(named == .request(RPCRequest(method: "dossier.lookup", params: ["code": "H47-1"], id: .string("q-1"))))
        #expect(named.id == "q-1")
    }

    @Test("an id written as 7.0 is the integer 7; without params the params are {}")
    func lenientForms() throws {
        let message = try RPCMessage(frame: WireText.bytes(#"{"id":7.0,"method":"ping","jsonrpc":"2.0","extra":"ignored"}"#))
        #expect(message == .request(RPCRequest(method: "ping", params: [:], id: 7)))
    }

    @Test("a notification has no id")
    func notification() throws {
        let message = try RPCMessage(frame: WireText.bytes(#"{"jsonrpc":"2.0","method":"ping"}"#))
        #expect(message == .notification(RPCRequest(method: "ping", id: nil)))
        #expect(message.id == nil)
    }

    @Test("responses: a result (null included), an error, an error with a null id")
    func responses() throws {
        #expect(try RPCMessage(frame: WireText.bytes(#"{"jsonrpc":"2.0","result":{"acked_seq":12},"id":3}"#))
            == .response(RPCResponse(id: 3, result: ["acked_seq": 12])))
        #expect(try RPCMessage(frame: WireText.bytes(#"{"jsonrpc":"2.0","result":null,"id":"a"}"#))
            == .response(RPCResponse(id: "a", result: .null)))
        #expect(try RPCMessage(frame: WireText.bytes(#"{"jsonrpc":"2.0","error":{"code":-32001,"message":"no such dossier"},"id":4}"#))
            == .response(RPCResponse(id: 4, error: RPCError(code: .notFound, message: "no such dossier"))))
        let nullID = try RPCMessage(frame: WireText.bytes(#"{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error","data":{"at":3}},"id":null}"#))
        #expect(nullID == .response(RPCResponse(id: nil, error: RPCError(code: .parseError, message: "Parse error", data: ["at": 3]))))
    }

    @Test("garbage bytes are a parse error, answered with a null id", arguments: [
        [0x00, 0x01, 0x02], [0xFF, 0xFE], Array("hello".utf8), Array("<xml/>".utf8), [0x7B, 0xFF, 0x7D],
    ] as [[UInt8]])
    func garbage(bytes: [UInt8]) throws {
        let refusal = try #require(WireText.refusal(bytes: bytes))
        #expect(refusal.error.code == .parseError)
        #expect(refusal.reply == RPCResponse(id: nil, error: refusal.error))
    }

    @Test("truncated JSON is a parse error", arguments: [
        #"{"jsonrpc":"2.0","method":"ping","id":1"#, #"{"jsonrpc":"2.0","method":"pi"#, #"{"jsonrpc":"#, "{",
    ])
    func truncated(text: String) throws {
        let refusal = try #require(WireText.refusal(text))
        #expect(refusal.error.code == .parseError)
        #expect(refusal.error.message.hasPrefix("Parse error: "))
        #expect(refusal.id == nil)
    }

    @Test("JSON that is not an object is an invalid request", arguments: ["1", "\"ping\"", "null", "true", "2.5"])
    func notAnObject(text: String) throws {
        let refusal = try #require(WireText.refusal(text))
        #expect(refusal.error.code == .invalidRequest)
        #expect(refusal.reply?.id == nil)
        #expect(refusal.reply != nil)
    }

    @Test("a batch is refused as a whole: batches are not supported", arguments: [
        #"[{"jsonrpc":"2.0","method":"ping","id":1},{"jsonrpc":"2.0","method":"ping","id":2}]"#, "[]",
    ])
    func batch(text: String) throws {
        let refusal = try #require(WireText.refusal(text))
        #expect(refusal.error == .invalidRequest("batches are not supported; send one message per line"))
        #expect(refusal.reply == RPCResponse(id: nil, error: refusal.error))
    }

    @Test("\"jsonrpc\" missing or not \"2.0\" is an invalid request, answered to the id when readable", arguments: [
        (#"{"method":"ping","id":1}"#, "\"jsonrpc\": \"2.0\" is missing"),
        (#"{"jsonrpc":"1.0","method":"ping","id":1}"#, "\"jsonrpc\" must be \"2.0\""),
        (#"{"jsonrpc":2.0,"method":"ping","id":1}"#, "\"jsonrpc\" must be \"2.0\""),
        (#"{"jsonrpc":"2","method":"ping","id":1}"#, "\"jsonrpc\" must be \"2.0\""),
    ])
    func version(text: String, detail: String) throws {
        let refusal = try #require(WireText.refusal(text))
        #expect(refusal.error == .invalidRequest(detail))
        #expect(refusal.reply == RPCResponse(id: 1, error: .invalidRequest(detail)))
    }

    @Test("no method and no result or error: an invalid request")
    func missingMethod() throws {
        let refusal = try #require(WireText.refusal(#"{"jsonrpc":"2.0","params":{},"id":5}"#))
        #expect(refusal.error.code == .invalidRequest)
        #expect(refusal.error.message.contains("neither a request"))
        #expect(refusal.reply?.id == 5)
    }

    @Test("a method that is not a non-empty string: an invalid request", arguments: [
        #"{"jsonrpc":"2.0","method":1,"id":5}"#, #"{"jsonrpc":"2.0","method":"","id":5}"#,
        #"{"jsonrpc":"2.0","method":null,"id":5}"#,
    ])
    func badMethod(text: String) throws {
        let refusal = try #require(WireText.refusal(text))
        #expect(refusal.error == .invalidRequest("\"method\" must be a non-empty string"))
        #expect(refusal.reply?.id == 5)
    }

    @Test("a request id that is null, fractional, boolean or structured is refused, answered with a null id", arguments: [
        "null", "1.5", "true", "[1]", "{}",
    ])
    func badRequestID(id: String) throws {
        let refusal = try #require(WireText.refusal(#"{"jsonrpc":"2.0","method":"ping","id":\#(id)}"#))
        #expect(refusal.error.code == .invalidRequest)
        #expect(refusal.error.message.contains("\"id\""))
        #expect(refusal.reply == RPCResponse(id: nil, error: refusal.error))
    }

    @Test("params by position are invalid params, answered to the request's id")
    func arrayParams() throws {
        let refusal = try #require(WireText.refusal(#"{"jsonrpc":"2.0","method":"dossier.lookup","params":["H47-1"],"id":9}"#))
        #expect(refusal.error.code == .invalidParams)
        #expect(refusal.reply?.id == 9)
    }

    @Test("params that are not an object or an array: an invalid request")
    func scalarParams() throws {
        let refusal = try #require(WireText.refusal(#"{"jsonrpc":"2.0","method":"ping","params":"x","id":9}"#))
        #expect(refusal.error == .invalidRequest("\"params\" must be an object, not a string"))
        #expect(refusal.reply?.id == 9)
    }

    @Test("a well-formed notification with wrong params is refused but never answered")
    func notificationNotAnswered() throws {
        let refusal = try #require(WireText.refusal(#"{"jsonrpc":"2.0","method":"ping","params":[1]}"#))
        #expect(refusal.error.code == .invalidParams)
        #expect(refusal.reply == nil)
    }

    @Test("a broken response is refused but never answered", arguments: [
        #"{"jsonrpc":"2.0","result":1,"error":{"code":1,"message":"x"},"id":1}"#,
        #"{"jsonrpc":"2.0","result":1}"#,
        #"{"jsonrpc":"2.0","result":1,"id":null}"#,
        #"{"jsonrpc":"2.0","result":1,"id":true}"#,
        #"{"jsonrpc":"2.0","error":{"code":"x","message":"y"},"id":1}"#,
        #"{"jsonrpc":"2.0","error":{"code":-32000},"id":1}"#,
        #"{"jsonrpc":"2.0","error":"bad","id":1}"#,
        #"{"jsonrpc":"1.0","result":1,"id":1}"#,
    ])
    func brokenResponse(text: String) throws {
        let refusal = try #require(WireText.refusal(text))
        #expect(refusal.error.code == .invalidRequest)
        #expect(refusal.reply == nil)
    }

    @Test("a message with both a method and a result is refused")
    func methodAndResult() throws {
        let refusal = try #require(WireText.refusal(#"{"jsonrpc":"2.0","method":"ping","result":{},"id":2}"#))
        #expect(refusal.error == .invalidRequest("a request carries no \"result\" or \"error\""))
        #expect(refusal.reply?.id == 2)
    }

    @Test("encodes requests, notifications and responses compactly with sorted keys")
    func encoding() throws {
        #expect(try WireText.json(RPCMessage.request(RPCRequest(method: "dossier.lookup", params: ["code": "H47-1"], id: 1)))
            == #"{"id":1,"jsonrpc":"2.0","method":"dossier.lookup","params":{"code":"H47-1"}}"#)
        #expect(try WireText.json(RPCMessage.notification(RPCRequest(method: "ping", id: nil)))
            == #"{"jsonrpc":"2.0","method":"ping","params":{}}"#)
        #expect(try WireText.json(RPCMessage.response(RPCResponse(id: "x", result: ["acked_seq": 5]))) == #"{"id":"x","jsonrpc":"2.0","result":{"acked_seq":5}}"#)
        #expect(try WireText.json(RPCMessage.response(RPCResponse(id: nil, error: .parseError("not JSON")))) == #"{"error":{"code":-32700,"message":"Parse error: not JSON"},"id":null,"jsonrpc":"2.0"}"#)
    }

    @Test("every message decodes back from its own encoding")
    func roundTrip() throws {
        let messages: [RPCMessage] = [
            .request(RPCRequest(method: "events.publish", params: ["events": []], id: 1)),
            .request(RPCRequest(method: "x", params: ["a": [1, 2.5, nil, "ộ"]], id: "id-ộ")),
            .notification(RPCRequest(method: "ping", id: nil)),
            .response(RPCResponse(id: 1, result: .null)),
            .response(RPCResponse(id: "z", result: [1, 2])),
            .response(RPCResponse(id: nil, error: RPCError(code: .init(rawValue: -32099), message: "custom", data: nil))),
            .response(RPCResponse(id: 3, error: RPCError(code: .unavailable, message: "later", data: .null))),
        ]
        for message in messages {
            #expect(try RPCMessage(frame: WireJSON.encode(message)) == message)
        }
    }
}
