import NIOCore
import Synchronization

/// The channels of open connections, so graceful shutdown can close them.
final class OpenConnections: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// Registers `channel`; false once shutdown began (the caller closes it).
    func add(_ channel: any Channel) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.channels[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    /// Forgets `channel`.
    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Closes every open channel and refuses new ones.
    func closeAll() {
        let open = state.withLock { state in
            state.closed = true
            return Array(state.channels.values)
        }
        for channel in open { channel.close(promise: nil) }
    }
}
