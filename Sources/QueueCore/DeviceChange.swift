/// What happened to a device, as its event says (`device.fault`, `device.recovered`, `device.connected`,
/// `device.disconnected`).
public enum DeviceChange: Sendable, Hashable {
    /// It cannot work; why, in words.
    case fault(String)
    /// It works again after a fault.
    case recovered
    /// It is there (plugged in, opened).
    case connected
    /// It is gone (unplugged, its port failed); why, in words.
    case disconnected(String)

    /// The event type it is recorded as.
    public var eventType: EventType {
        switch self {
        case .fault: .deviceFault
        case .recovered: .deviceRecovered
        case .connected: .deviceConnected
        case .disconnected: .deviceDisconnected
        }
    }

    /// The reason carried by the event, if any.
    public var reason: String? {
        switch self {
        case .fault(let reason), .disconnected(let reason): reason
        case .recovered, .connected: nil
        }
    }
}
