import Foundation
@testable import MotCuaConfig

/// The repository's `motcua.example.yaml`, found from this file's path.
let examplePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("motcua.example.yaml").path

/// The error parsing `yaml` (as `motcua.yaml`) gives, or `nil` when it parses.
func configError(_ yaml: String, environment: [String: String] = [:]) -> ConfigError? {
    do {
        _ = try MotCuaConfiguration.parse(yaml: yaml, source: "motcua.yaml", environment: environment)
        return nil
    } catch {
        return error
    }
}

/// Whether `text` is exactly its NFC form, scalar by scalar (`==` on strings ignores normalisation).
func isNFC(_ text: String) -> Bool {
    Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
}

/// Two services in the file, for cases that need some.
let twoServices = """
    services:
      - {id: 1, code: HT, name: Hộ tịch, prefix: A}
      - {id: 2, code: CT, name: Chứng thực, prefix: B}
    """
