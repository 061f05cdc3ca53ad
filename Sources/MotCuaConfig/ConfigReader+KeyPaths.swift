internal import Yams

extension ConfigReader {
    /// Every key path a document sets, in the form of ``MotCuaConfiguration/documentedKeys``
    /// (`services[].prefix`), whether or not the key is allowed; used to check the example file.
    static func keyPaths(inYAML yaml: String) throws -> Set<String> {
        var paths: Set<String> = []
        func walk(_ node: Node, _ path: ConfigKeyPath) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let child = path.child(key.string ?? "?")
                    paths.insert(child.pattern)
                    walk(value, child)
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() { walk(item, path.item(index)) }
            case .scalar, .alias:
                break
            }
        }
        if let root = try Yams.compose(yaml: yaml) { walk(root, .root) }
        return paths
    }
}
