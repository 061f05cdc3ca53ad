/// What happened to a device, as the kernel and udev say it.
public enum UdevAction: String, Sendable, Hashable {
    case add, remove, change, bind, unbind, move, online, offline
}
