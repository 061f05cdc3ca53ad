import ArgumentParser
import Foundation
import MotCuaConfig

/// The configuration file a command reads: its `--config`, else `MOTCUA_CONFIG`, else
/// `/etc/motcua/motcua.yaml` when it exists, else the built-in default.
enum ConfigurationFile {
    /// The file to read when no `--config` is given; nil for the built-in default.
    static func defaultPath() -> String? {
        if let named = ProcessInfo.processInfo.environment["MOTCUA_CONFIG"], !named.isEmpty { return named }
        let path = "/etc/motcua/motcua.yaml"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Reads `option` (or the default file) with the `MOTCUA_…` overrides; a bad file or value is said on
    /// standard error, with its key and reason, and the command exits 1.
    static func load(_ option: String?) throws -> MotCuaConfiguration {
        do {
            return try MotCuaConfiguration.load(file: option ?? defaultPath(), environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("motcua: cấu hình sai (bad configuration): \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
