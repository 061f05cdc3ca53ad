internal import CCups

/// The attributes of one group of an IPP response, as name → values (integers, enums and booleans as
/// decimal text, `true`/`false`); other value types (dates, ranges) are left out.
struct IPPAttributes: Sendable {
    var values: [String: [String]] = [:]

    subscript(name: String) -> [String] { values[name] ?? [] }

    /// The first value of `name`, `nil` if absent or empty.
    func first(_ name: String) -> String? {
        guard let value = values[name]?.first, !value.isEmpty else { return nil }
        return value
    }

    /// The first value of `name` as an integer.
    func integer(_ name: String) -> Int? { first(name).flatMap { Int($0) } }

    /// The first value of `name` as a boolean.
    func boolean(_ name: String) -> Bool? { first(name).map { $0 == "true" } }

    /// Every group with tag `tag` in `response`, in order.
    static func groups(of response: OpaquePointer, tag: ipp_tag_t) -> [IPPAttributes] {
        var groups: [IPPAttributes] = []
        var current: IPPAttributes?
        var attribute = ippFirstAttribute(response)
        while let attr = attribute {
            let name = ippGetName(attr).map { String(cString: $0) }
            if ippGetGroupTag(attr) != tag || name == nil {
                if let group = current { groups.append(group) }
                current = nil
            } else if let name {
                if current == nil { current = IPPAttributes() }
                current?.values[name] = values(of: attr)
            }
            attribute = ippNextAttribute(response)
        }
        if let group = current { groups.append(group) }
        return groups
    }

    private static func values(of attr: OpaquePointer) -> [String] {
        let count = ippGetCount(attr)
        let type = ippGetValueTag(attr)
        return (0..<count).compactMap { index -> String? in
            switch type {
            case IPP_TAG_INTEGER, IPP_TAG_ENUM: String(ippGetInteger(attr, index))
            case IPP_TAG_BOOLEAN: ippGetBoolean(attr, index) != 0 ? "true" : "false"
            default: ippGetString(attr, index, nil).map { String(cString: $0) }
            }
        }
    }
}
