/// A JSON-RPC error object: what a request failed with, or why a frame was refused.
///
/// `code` is the stable part; `message` is English text for logs; `data`, when present, says more for a
/// machine (``invalidParams(_:field:)`` puts the field's path there as `{"field": "events[3].seq"}`).
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error's code: one of the protocol's (``Code``), or any other integer a peer sent.
    public var code: Code
    /// A short sentence saying what went wrong.
    public var message: String
    /// More about the error, for a machine; absent when nil.
    public var data: JSONValue?

    /// An error with this code, message and optional data.
    public init(code: Code, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// `-32700`: the frame is not JSON (or not UTF-8).
    public static func parseError(_ detail: String) -> RPCError {
        RPCError(code: .parseError, message: "Parse error: \(detail)")
    }

    /// `-32600`: the frame is JSON but not a JSON-RPC 2.0 message this protocol accepts.
    public static func invalidRequest(_ detail: String) -> RPCError {
        RPCError(code: .invalidRequest, message: "Invalid request: \(detail)")
    }

    /// `-32601`: no method of that name (`data` is `{"method": name}`).
    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: .methodNotFound, message: "Method not found: \(method)", data: ["method": .string(method)])
    }

    /// `-32602`: the params do not fit the method; `field`, when known, is the path of the culprit
    /// (`events[3].seq`) and goes into `data` as `{"field": …}`.
    public static func invalidParams(_ detail: String, field: String? = nil) -> RPCError {
        RPCError(code: .invalidParams, message: "Invalid params: \(detail)", data: field.map { ["field": .string($0)] })
    }

    /// `-32603`: the receiver failed while handling a valid request.
    public static func internalError(_ detail: String) -> RPCError {
        RPCError(code: .internalError, message: "Internal error: \(detail)")
    }

    /// `-32001` `not_found`: the thing asked for (a dossier) does not exist.
    public static func notFound(_ detail: String) -> RPCError {
        RPCError(code: .notFound, message: detail)
    }

    /// `-32002` `unavailable`: the receiver cannot serve the request now (its storage, a printer); try later.
    public static func unavailable(_ detail: String) -> RPCError {
        RPCError(code: .unavailable, message: detail)
    }

    /// `-32003` `protocol_mismatch`: `session.hello` offered a protocol version this end does not speak
    /// (`data` is `{"protocol": <the version this end speaks>}`).
    public static func protocolMismatch(offered: Int, supported: Int = ProtocolVersion.current) -> RPCError {
        RPCError(
            code: .protocolMismatch, message: "Protocol \(offered) is not supported; this end speaks protocol \(supported)",
            data: ["protocol": .int(Int64(supported))]
        )
    }

    /// `-32004` `illegal_transition` (reference workflow core): the dossier's status cannot move that way.
    public static func illegalTransition(_ detail: String) -> RPCError {
        RPCError(code: .illegalTransition, message: detail)
    }

    /// `code message`, with the code's name when the protocol knows it: `-32601 method_not_found: …`.
    public var description: String {
        "\(code): \(message)"
    }
}
