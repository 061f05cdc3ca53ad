import Foundation

/// Where tests put their scratch files and, on failure, the pictures a person should look at.
enum TestFiles {
    /// A new empty scratch directory under the system's temporary directory.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("raster-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `$MOTCUA_ARTIFACTS` when set, else /tmp; created if needed.
    static func artifactsDirectory() throws -> URL {
        let environment = ProcessInfo.processInfo.environment["MOTCUA_ARTIFACTS"] ?? ""
        let url = URL(fileURLWithPath: environment.isEmpty ? "/tmp" : environment, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
