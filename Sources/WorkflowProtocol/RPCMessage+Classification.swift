extension RPCMessage {
    /// Tells a request, a notification and a response apart, checking what JSON-RPC 2.0 asks of each.
    static func classify(_ members: [String: JSONValue]) throws(RPCInvalidMessage) -> RPCMessage {
        let rawID = members["id"]
        // The id to answer with when refusing: the frame's own when it is a valid id, else null.
        let readableID = rawID.flatMap(RPCID.init)
        let method = members["method"]
        let hasOutcome = members["result"] != nil || members["error"] != nil
        // Never answer what looks like a response: answers to answers could ping-pong for ever.
        let looksLikeResponse = method == nil && hasOutcome
        func refuse(_ error: RPCError, reply: Bool = true) -> RPCInvalidMessage {
            RPCInvalidMessage(error, id: readableID, expectsReply: reply && !looksLikeResponse)
        }

        guard let version = members["jsonrpc"] else { throw refuse(.invalidRequest("\"jsonrpc\": \"2.0\" is missing")) }
        guard version == "2.0" else { throw refuse(.invalidRequest("\"jsonrpc\" must be \"2.0\"")) }

        if let method {
            guard case .string(let name) = method, !name.isEmpty else {
                throw refuse(.invalidRequest("\"method\" must be a non-empty string"))
            }
            guard !hasOutcome else { throw refuse(.invalidRequest("a request carries no \"result\" or \"error\"")) }
            var id: RPCID?
            if let rawID {
                guard let readableID else {
                    throw refuse(.invalidRequest(
                        rawID == .null
                            ? "\"id\" must not be null (leave it out to send a notification)"
                            : "\"id\" must be an integer or a string, not \(rawID.kindDescription)"
                    ))
                }
                id = readableID
            }
            let params: [String: JSONValue]
            switch members["params"] {
            case nil: params = [:]
            case .object(let object): params = object
            // A well-formed notification is never answered, even when its params are wrong.
            case .array:
                throw refuse(.invalidParams("params must be an object (by name); params by position are not supported"), reply: id != nil)
            case let other?:
                throw refuse(.invalidRequest("\"params\" must be an object, not \(other.kindDescription)"), reply: id != nil)
            }
            return RPCMessage(RPCRequest(method: name, params: params, id: id))
        }

        guard hasOutcome else {
            throw refuse(.invalidRequest("neither a request (\"method\") nor a response (\"result\" or \"error\")"))
        }
        guard members["result"] == nil || members["error"] == nil else {
            throw refuse(.invalidRequest("a response carries \"result\" or \"error\", not both"))
        }
        guard let rawID else { throw refuse(.invalidRequest("a response must carry \"id\"")) }
        guard rawID == .null || readableID != nil else {
            throw refuse(.invalidRequest("\"id\" must be an integer, a string or null, not \(rawID.kindDescription)"))
        }
        if let result = members["result"] {
            guard let readableID else { throw refuse(.invalidRequest("a result must carry the id of its request")) }
            return .response(RPCResponse(id: readableID, result: result))
        }
        let error: RPCError
        do {
            error = try (members["error"] ?? .null).decode(RPCError.self)
        } catch {
            let detail = (error as? DecodingError).map { DecodingProblem($0, root: "error").sentence } ?? "\(error)"
            throw refuse(.invalidRequest("\"error\" must be {\"code\": integer, \"message\": string}: \(detail)"))
        }
        return .response(RPCResponse(id: readableID, error: error))
    }
}

extension RPCMessage: Encodable {
    /// Encodes the request, notification or response.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .request(let request), .notification(let request): try request.encode(to: encoder)
        case .response(let response): try response.encode(to: encoder)
        }
    }
}
