internal import Yams

/// A mapping of the document whose keys have been checked against ``MotCuaConfiguration/documentedKeys``;
/// hands out its values, sub-mappings and lists with their paths, environment overrides applied.
struct ConfigSection {
    /// Where the values come from and which keys the environment overrides.
    let reader: ConfigReader
    /// This mapping's path.
    let path: ConfigKeyPath
    /// The mapping's entries by key; empty when the mapping is absent.
    let entries: [String: Node]

    /// Checks `node` as the mapping at `path`: absent and null give an empty section; an unknown key is an error.
    init(_ node: Node?, at path: ConfigKeyPath, reader: ConfigReader) throws(ConfigError) {
        self.reader = reader
        self.path = path
        let allowed = path.allowedKeys
        var entries: [String: Node] = [:]
        switch node {
        case nil:
            break
        case .scalar(let scalar) where ConfigReader.isNull(scalar):
            break
        case .mapping(let mapping):
            for (keyNode, value) in mapping {
                guard case .scalar(let key) = keyNode else {
                    throw reader.fail(path, "keys must be plain names (allowed here: \(allowed.joined(separator: ", ")))", at: keyNode)
                }
                guard allowed.contains(key.string) else {
                    throw reader.fail(path.child(key.string), "unknown key; allowed here: \(allowed.joined(separator: ", "))", at: keyNode)
                }
                entries[key.string] = value
            }
        case let node?:
            throw reader.fail(path, "must be a mapping with the keys \(allowed.joined(separator: ", "))", at: node)
        }
        self.entries = entries
    }

    /// The mapping under `key` (empty when absent).
    func section(_ key: String) throws(ConfigError) -> ConfigSection {
        try ConfigSection(entries[key], at: path.child(key), reader: reader)
    }

    /// The single value under `key`: the environment's when a variable sets it, else the file's.
    func value(_ key: String) throws(ConfigError) -> ConfigValue {
        let keyPath = path.child(key)
        if let variable = reader.overrides[keyPath.concrete] {
            let text = reader.environment[variable] ?? ""
            return ConfigValue(key: keyPath.concrete, text: text.isEmpty ? nil : text, source: variable, line: nil)
        }
        return try reader.value(entries[key], at: keyPath)
    }

    /// The list under `key` as its items' nodes and paths; `nil` when absent or null.
    func list(_ key: String) throws(ConfigError) -> [(node: Node, path: ConfigKeyPath)]? {
        let keyPath = path.child(key)
        switch entries[key] {
        case nil:
            return nil
        case .scalar(let scalar) where ConfigReader.isNull(scalar):
            return nil
        case .sequence(let sequence):
            return sequence.enumerated().map { (node: $0.element, path: keyPath.item($0.offset)) }
        case let node?:
            throw reader.fail(keyPath, "must be a list (one \"- item\" a line, or [a, b])", at: node)
        }
    }

    /// The list under `key` whose items are mappings.
    func sections(_ key: String) throws(ConfigError) -> [ConfigSection]? {
        guard let items = try list(key) else { return nil }
        var sections: [ConfigSection] = []
        for item in items {
            guard case .mapping = item.node else {
                let allowed = item.path.allowedKeys.joined(separator: ", ")
                throw reader.fail(item.path, "must be a mapping with the keys \(allowed)", at: item.node)
            }
            sections.append(try ConfigSection(item.node, at: item.path, reader: reader))
        }
        return sections
    }

    /// The list under `key` whose items are single values.
    func values(_ key: String) throws(ConfigError) -> [ConfigValue]? {
        guard let items = try list(key) else { return nil }
        var values: [ConfigValue] = []
        for item in items { values.append(try reader.value(item.node, at: item.path)) }
        return values
    }
}
