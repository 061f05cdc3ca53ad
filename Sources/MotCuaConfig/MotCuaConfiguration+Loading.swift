import Foundation

extension MotCuaConfiguration {
    /// Reads and checks the configuration file at `file`, then applies `environment`'s `MOTCUA_…` variables.
    ///
    /// With `file` `nil`, reads ``builtInDefault`` instead. Errors name the key, the reason and the source
    /// (the file, the variable, or `built-in`).
    public static func load(file: String?, environment: [String: String]) throws(ConfigError) -> MotCuaConfiguration {
        guard let file else {
            return try parse(yaml: builtInDefault, source: builtInSource, environment: environment)
        }
        guard FileManager.default.fileExists(atPath: file) else {
            throw ConfigError(key: "", reason: "no such file", source: file)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigError(key: "", reason: "cannot be read (is it a readable file?)", source: file)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(key: "", reason: "is not UTF-8 text", source: file)
        }
        return try parse(yaml: text, source: file, environment: environment)
    }

    /// Checks the configuration in `yaml`, then applies `environment`'s `MOTCUA_…` variables.
    ///
    /// - Parameters:
    ///   - yaml: The document.
    ///   - source: How errors name the document: its file path, or `built-in`.
    ///   - environment: Usually `ProcessInfo.processInfo.environment`. A variable `MOTCUA_<PATH>` sets the
    ///     single-value key whose path, in capitals with `__` between levels, is `<PATH>`
    ///     (``environmentKeys``); an empty value restores the key's default. Any other `MOTCUA_` variable is
    ///     an error, unless listed in ``ignoredEnvironmentVariables`` or ``ignoredEnvironmentPrefixes``.
    public static func parse(yaml: String, source: String, environment: [String: String]) throws(ConfigError) -> MotCuaConfiguration {
        try ConfigReader(source: source, environment: environment).read(yaml: yaml)
    }
}
