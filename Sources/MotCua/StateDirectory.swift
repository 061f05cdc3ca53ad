import Foundation

/// Where the daemon keeps its state when nobody says: `/var/lib/motcua` under systemd, `./var` from a checkout.
enum StateDirectory {
    static func resolve(flag: String?, configured: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let flag { return flag }
        if let configured { return configured }
        if let fromSystemd = environment["STATE_DIRECTORY"]?.split(separator: ":").first { return String(fromSystemd) }
        if environment["INVOCATION_ID"] != nil { return "/var/lib/motcua" }
        return "./var"
    }

    /// The control socket: the flag, else the configured path, else `STATE_DIR/control.sock`.
    static func controlSocket(flag: String?, configured: String?, stateDir: String) -> String {
        flag ?? configured ?? (stateDir as NSString).appendingPathComponent("control.sock")
    }
}
