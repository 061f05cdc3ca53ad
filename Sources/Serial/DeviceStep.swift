/// What was being done with a device when it failed, named in both languages for the administrator.
public enum DeviceStep: String, Sendable, Hashable {
    case open, configure, read, write
    /// Taking an input device for motcua alone (`EVIOCGRAB`).
    case grab

    /// The Vietnamese words, as in "không mở được (cannot open)".
    public var vietnamese: String {
        switch self {
        case .open: "không mở được"
        case .configure: "không thiết lập được"
        case .read: "không đọc được"
        case .write: "không ghi được"
        case .grab: "không giữ riêng được"
        }
    }

    /// "PATH: không mở được (cannot open): REASON".
    public func describe(path: String, reason: String) -> String {
        "\(path): \(vietnamese) (cannot \(rawValue)): \(reason)"
    }
}
