import Foundation

/// The data folders motcua ships (`Templates`, `Devices`): beside the checkout the executable was built
/// in, or where a package installs them.
enum ShareFolder {
    /// Installed locations of the folder `name`, tried after the checkout.
    static func installed(_ name: String) -> [String] {
        ["/usr/local/share/motcua/\(name)", "/usr/share/motcua/\(name)"]
    }

    /// The first folder `name` holding `marker`: walking up from the executable's real path (a checkout's
    /// `.build/…/debug/motcua` finds the checkout's), then the installed locations.
    static func find(_ name: String, containing marker: String, executable: String = CommandLine.arguments[0]) -> String? {
        let fm = FileManager.default
        let real = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? executable
        var folder = URL(fileURLWithPath: real).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(name).path
            if fm.fileExists(atPath: candidate + "/" + marker) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return installed(name).first { fm.fileExists(atPath: $0 + "/" + marker) }
    }
}
