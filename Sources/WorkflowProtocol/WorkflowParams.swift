/// The params of one method of the protocol, tied to the method and to its result type.
///
/// Conforming types decode with the contract's snake_case keys and tolerate members they do not know
/// (a newer peer may send more); a missing, mistyped or out-of-range member is an error naming the field.
public protocol WorkflowParams: Codable, Sendable, Hashable {
    /// What the method answers with.
    associatedtype Result: Codable, Sendable
    /// The method these are the params of.
    static var method: WorkflowMethod { get }
}
