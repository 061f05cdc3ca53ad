extension RPCRequest {
    /// The protocol's method this request calls; `-32601` method not found when there is none of that name.
    ///
    /// Whether this end serves it is the caller's to check (``WorkflowMethod/servedBy``).
    public func workflowMethod() throws(RPCError) -> WorkflowMethod {
        guard let method = WorkflowMethod(rawValue: method) else { throw .methodNotFound(method) }
        return method
    }

    /// The params as `type`, or `-32602` invalid params with a message naming the missing, mistyped or
    /// out-of-range field (`missing "events[0].id"`, `"copies": expected an integer, found a string`) and
    /// `data` `{"field": "events[0].id"}`. Members the type does not know are ignored.
    public func decodeParams<Params: Decodable>(_ type: Params.Type) throws(RPCError) -> Params {
        do {
            return try JSONValue.object(params).decode(type)
        } catch let error as DecodingError {
            let problem = DecodingProblem(error, root: "params")
            throw .invalidParams(problem.sentence, field: problem.field)
        } catch {
            throw .invalidParams("\(error)")
        }
    }
}
