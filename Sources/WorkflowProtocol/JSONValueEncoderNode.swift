/// A value being built by ``JSONValueEncoder``: containers hand out nodes for their members, which are
/// filled in afterwards, so a node is a reference.
final class JSONValueEncoderNode {
    private enum Content {
        case unset
        case value(JSONValue)
        case object([String: JSONValueEncoderNode])
        case array([JSONValueEncoderNode])
    }

    private var content = Content.unset

    /// Makes the node a finished value.
    func set(_ value: JSONValue) {
        content = .value(value)
    }

    /// Makes the node an object (keeping its members if it is one already).
    func becomeObject() {
        if case .object = content { return }
        content = .object([:])
    }

    /// Makes the node an array (keeping its elements if it is one already).
    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }

    /// A new node for the member `key` of this object node.
    func member(_ key: String) -> JSONValueEncoderNode {
        let node = JSONValueEncoderNode()
        guard case .object(var members) = content else { preconditionFailure("member of a node that is not an object") }
        content = .unset  // let `members` be the only reference while it changes
        members[key] = node
        content = .object(members)
        return node
    }

    /// A new node appended to this array node.
    func append() -> JSONValueEncoderNode {
        let node = JSONValueEncoderNode()
        guard case .array(var elements) = content else { preconditionFailure("element of a node that is not an array") }
        content = .unset
        elements.append(node)
        content = .array(elements)
        return node
    }

    /// How many elements this array node has.
    var elementCount: Int {
        if case .array(let elements) = content { elements.count } else { 0 }
    }

    /// The finished value; a node nothing was written to is `{}`, as `JSONEncoder` writes it.
    var value: JSONValue {
        switch content {
        case .unset: .object([:])
        case .value(let value): value
        case .object(let members): .object(members.mapValues(\.value))
        case .array(let elements): .array(elements.map(\.value))
        }
    }
}
