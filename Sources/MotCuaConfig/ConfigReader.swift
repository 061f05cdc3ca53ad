import Foundation
internal import Yams

/// Reads one configuration document: where it came from, and which keys environment variables override.
struct ConfigReader {
    /// The file path, or `built-in`.
    let source: String
    /// The environment, as given.
    let environment: [String: String]
    /// The environment variable that sets each overridden key, by key path.
    let overrides: [String: String]

    /// Checks the environment's `MOTCUA_…` variables: each must name a key that holds a single value,
    /// or be one of the ignored ones.
    init(source: String, environment: [String: String]) throws(ConfigError) {
        self.source = source
        self.environment = environment
        var overrides: [String: String] = [:]
        let prefix = MotCuaConfiguration.environmentPrefix
        for variable in environment.keys.sorted() where variable.hasPrefix(prefix) {
            if MotCuaConfiguration.ignoredEnvironmentVariables.contains(variable)
                || MotCuaConfiguration.ignoredEnvironmentPrefixes.contains(where: { variable.hasPrefix($0) }) {
                continue
            }
            if let key = MotCuaConfiguration.environmentKeys[variable] {
                overrides[key] = variable
                continue
            }
            let flat = variable.uppercased().replacingOccurrences(of: "__", with: "_")
            if let near = MotCuaConfiguration.environmentKeys.keys.first(where: { $0.replacingOccurrences(of: "__", with: "_") == flat }) {
                throw ConfigError(key: "", reason: "names no configuration key; did you mean \(near)?", source: variable)
            }
            let path = variable.dropFirst(prefix.count).lowercased().replacingOccurrences(of: "__", with: ".")
            let isContainer = MotCuaConfiguration.documentedKeys.contains {
                $0.hasPrefix(path + ".") || $0.hasPrefix(path + "[]")
            }
            throw ConfigError(
                key: "",
                reason: isContainer
                    ? "names \(path), which holds a mapping or a list: only single values can be set from the environment"
                    : "names no configuration key; a variable is \(prefix) and a key's path in capitals with __ between levels, such as MOTCUA_HTTP__LISTEN for http.listen",
                source: variable
            )
        }
        self.overrides = overrides
    }

    /// The checked configuration in `yaml`.
    func read(yaml: String) throws(ConfigError) -> MotCuaConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw syntaxError(error)
        }
        return try configuration(ConfigSection(root, at: .root, reader: self))
    }

    /// An error at `path` with the line of `node`.
    func fail(_ path: ConfigKeyPath, _ reason: String, at node: Node?) -> ConfigError {
        ConfigError(key: path.concrete, reason: reason, source: source, line: node?.mark?.line)
    }

    /// The single value in `node` (absent or null gives no text); a list or mapping is an error.
    func value(_ node: Node?, at path: ConfigKeyPath) throws(ConfigError) -> ConfigValue {
        switch node {
        case nil:
            return ConfigValue(key: path.concrete, text: nil, source: source, line: nil)
        case .scalar(let scalar):
            let text = Self.isNull(scalar) ? nil : scalar.string
            return ConfigValue(key: path.concrete, text: text, source: source, line: scalar.mark?.line)
        case .sequence?:
            throw fail(path, "must be a single value, not a list", at: node)
        case .mapping?:
            throw fail(path, "must be a single value, not a mapping", at: node)
        case .alias?:
            throw fail(path, "must be a single value, not an alias", at: node)
        }
    }

    /// Whether a scalar is YAML's null: an unquoted `~`, `null` or nothing.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A YAML syntax error as a configuration error, with its line.
    private func syntaxError(_ error: any Error) -> ConfigError {
        guard let yamlError = error as? YamlError else {
            return ConfigError(key: "", reason: "not valid YAML: \(error)", source: source)
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return ConfigError(key: "", reason: "not valid YAML: \(text)", source: source, line: mark.line)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map(\.debugDescription).joined(separator: ", ")
            return ConfigError(key: "", reason: "a key appears twice in one mapping: \(keys)", source: source, line: context.mark.line)
        case .reader(let problem, _, _, _):
            return ConfigError(key: "", reason: "not valid YAML text: \(problem)", source: source)
        default:
            return ConfigError(key: "", reason: "not valid YAML: \(yamlError)", source: source)
        }
    }
}
