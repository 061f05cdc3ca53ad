/// Where a value sits in the document: `services[1].prefix` as written in errors, and
/// `services[].prefix` as listed in ``MotCuaConfiguration/documentedKeys``.
struct ConfigKeyPath: Sendable, Hashable {
    /// With list indices: `services[1].prefix`.
    var concrete: String
    /// With `[]` for any index: `services[].prefix`.
    var pattern: String

    /// The document itself.
    static let root = ConfigKeyPath(concrete: "", pattern: "")

    /// The path of `key` inside this mapping.
    func child(_ key: String) -> ConfigKeyPath {
        concrete.isEmpty
            ? ConfigKeyPath(concrete: key, pattern: key)
            : ConfigKeyPath(concrete: concrete + "." + key, pattern: pattern + "." + key)
    }

    /// The path of the `index`-th item (from 0) of this list.
    func item(_ index: Int) -> ConfigKeyPath {
        ConfigKeyPath(concrete: concrete + "[\(index)]", pattern: pattern + "[]")
    }

    /// The keys a mapping at this path may hold, in documentation order.
    var allowedKeys: [String] {
        var keys: [String] = []
        for key in MotCuaConfiguration.documentedKeys {
            let rest: Substring
            if pattern.isEmpty {
                rest = Substring(key)
            } else if key.hasPrefix(pattern + ".") {
                rest = key.dropFirst(pattern.count + 1)
            } else {
                continue
            }
            var name = rest.prefix { $0 != "." }
            if name.hasSuffix("[]") { name = name.dropLast(2) }
            if !keys.contains(String(name)) { keys.append(String(name)) }
        }
        return keys
    }
}
