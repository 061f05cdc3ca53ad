import Testing
import WorkflowProtocol

@Suite("JSON-RPC error objects")
struct RPCErrorTests {
    @Test("each code has its number and stable name", arguments: [
        (RPCError.Code.parseError, -32700, "parse_error"), (.invalidRequest, -32600, "invalid_request"),
        (.methodNotFound, -32601, "method_not_found"), (.invalidParams, -32602, "invalid_params"),
        (.internalError, -32603, "internal_error"), (.notFound, -32001, "not_found"),
        (.unavailable, -32002, "unavailable"), (.protocolMismatch, -32003, "protocol_mismatch"),
        (.illegalTransition, -32004, "illegal_transition"),
    ])
    func codes(code: RPCError.Code, number: Int, name: String) {
        #expect(code.rawValue == number)
        #expect(code.name == name)
        #expect(RPCError.Code(rawValue: number) == code)
        #expect(code.description == "\(number) \(name)")
        #expect(RPCError.Code.known.contains(code))
    }

    @Test("the known codes are nine distinct numbers")
    func known() {
        #expect(Set(RPCError.Code.known).count == 9)
    }

    @Test("a code the protocol does not name still round-trips")
    func unnamedCode() throws {
        let code = RPCError.Code(rawValue: -32050)
        #expect(code.name == nil)
        #expect(code.description == "-32050")
        let error = RPCError(code: code, message: "peer's own")
        #expect(try WireJSON.decode(RPCError.self, from: WireJSON.encode(error)) == error)
    }

    @Test("each factory writes its error object", arguments: [
        (RPCError.parseError("not JSON"), #"{"code":-32700,"message":"Parse error: not JSON"}"#),
        (.invalidRequest("batches are not supported"), #"{"code":-32600,"message":"Invalid request: batches are not supported"}"#),
        (.methodNotFound("dossier.delete"), #"{"code":-32601,"data":{"method":"dossier.delete"},"message":"Method not found: dossier.delete"}"#),
        (.invalidParams("missing \"code\"", field: "code"), #"{"code":-32602,"data":{"field":"code"},"message":"Invalid params: missing \"code\""}"#),
        (.invalidParams("bad"), #"{"code":-32602,"message":"Invalid params: bad"}"#),
        (.internalError("disk full"), #"{"code":-32603,"message":"Internal error: disk full"}"#),
        (.notFound("no dossier H47-1"), #"{"code":-32001,"message":"no dossier H47-1"}"#),
        (.unavailable("printer offline"), #"{"code":-32002,"message":"printer offline"}"#),
        (.protocolMismatch(offered: 2), #"{"code":-32003,"data":{"protocol":1},"message":"Protocol 2 is not supported; this end speaks protocol 1"}"#),
        (.illegalTransition("4 → 2 is not allowed"), #"{"code":-32004,"message":"4 → 2 is not allowed"}"#),
    ])
    func objects(error: RPCError, json: String) throws {
        #expect(try WireText.json(error) == json)
        #expect(try WireJSON.decode(RPCError.self, from: WireText.bytes(json)) == error)
    }

    @Test("data written as null stays null; absent data stays absent")
    func nullData() throws {
        let withNull = try WireJSON.decode(RPCError.self, from: WireText.bytes(#"{"code":1,"message":"m","data":null}"#))
        #expect(withNull.data == .null)
        #expect(try WireText.json(withNull) == #"{"code":1,"data":null,"message":"m"}"#)
        let without = try WireJSON.decode(RPCError.self, from: WireText.bytes(#"{"code":1,"message":"m"}"#))
        #expect(without.data == nil)
    }

    @Test("an error response for each code frames and classifies back")
    func responses() throws {
        for code in RPCError.Code.known {
            let error = RPCError(code: code, message: "m")
            let frame = try FrameEncoder().encodeError(error, id: 11)
            #expect(WireText.string(frame) == #"{"error":{"code":\#(code.rawValue),"message":"m"},"id":11,"jsonrpc":"2.0"}"# + "\n")
            #expect(try RPCMessage(frame: frame.dropLast()) == .response(RPCResponse(id: 11, error: error)))
        }
    }

    @Test("describes itself with code, name and message")
    func description() {
        #expect(RPCError.notFound("no dossier").description == "-32001 not_found: no dossier")
    }
}
