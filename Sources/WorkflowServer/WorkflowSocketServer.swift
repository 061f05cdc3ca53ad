import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import WorkflowCore
import WorkflowProtocol

/// The reference workflow core on a Unix stream socket: one task per connection, each with its own
/// ``WorkflowSession``, answering requests with a ``WorkflowCoreHandler``.
///
/// The caller must hold the state directory's lock (`workflow.lock`) before running it: a socket file
/// found at the path is then a leftover of a crash and is removed. A connection's errors close only that
/// connection; on graceful shutdown the server stops accepting, closes every connection and returns.
public struct WorkflowSocketServer: Service {
    /// The socket's path.
    public let path: String
    /// The answers.
    public let handler: WorkflowCoreHandler
    /// Where it logs.
    public let logger: Logger
    /// Called once the socket listens (for readiness reporting).
    public let onListening: @Sendable () -> Void

    /// A server on `path` answering with `handler`.
    public init(path: String, handler: WorkflowCoreHandler, logger: Logger, onListening: @escaping @Sendable () -> Void = {}) {
        self.path = path
        self.handler = handler
        self.logger = logger
        self.onListening = onListening
    }

    /// Listens until graceful shutdown (or cancellation), then closes every connection and removes the socket.
    public func run() async throws {
        if FileManager.default.fileExists(atPath: path) {
            // The caller holds the state lock, so no live core owns this file: a crash left it.
            try? FileManager.default.removeItem(atPath: path)
        }
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: false) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        chmod(path, 0o660)
        logger.info("workflow socket listening", metadata: ["socket": "\(path)"])
        onListening()
        let connections = OpenConnections()
        defer { try? FileManager.default.removeItem(atPath: path) }
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                do {
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            group.addTask {
                                guard connections.add(connection.channel) else {
                                    try? await connection.channel.close()
                                    return
                                }
                                defer { connections.remove(connection.channel) }
                                await serve(connection)
                            }
                        }
                    }
                } catch {
                    logger.error("workflow socket stopped accepting", metadata: ["error": "\(error)"])
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
            connections.closeAll()
        }
        logger.info("workflow socket closed", metadata: ["socket": "\(path)"])
    }

    /// Answers one connection until the peer closes it, it fails, or the server shuts down.
    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        var connectionLogger = logger
        connectionLogger[metadataKey: "connection"] = "\(ObjectIdentifier(connection.channel).hashValue)"
        let log = connectionLogger
        do {
            try await connection.executeThenClose { inbound, outbound in
                var session = WorkflowSession()
                var decoder = FrameDecoder()
                for try await buffer in inbound {
                    for event in decoder.feed(buffer.readableBytesView) {
                        if let reply = answer(event, session: &session, logger: log) {
                            try await outbound.write(ByteBuffer(bytes: reply))
                        }
                    }
                }
                if let last = decoder.finish(), let refusal = last.refusal {
                    log.notice("connection ended inside a frame", metadata: ["problem": "\(refusal)"])
                }
            }
        } catch {
            log.notice("connection closed on an error", metadata: ["error": "\(error)"])
        }
    }

    /// The frame to write back for one decoded event, if any.
    func answer(_ event: FrameEvent, session: inout WorkflowSession, logger: Logger) -> [UInt8]? {
        let message: RPCMessage
        switch event {
        case .frame(let bytes):
            do {
                message = try RPCMessage(frame: bytes)
            } catch {
                logger.notice("refused a frame", metadata: ["problem": "\(error)"])
                return error.reply.map { frame(of: $0) }
            }
        default:
            guard let refusal = event.refusal else { return nil }
            logger.notice("refused a frame", metadata: ["problem": "\(refusal)"])
            return refusal.reply.map { frame(of: $0) }
        }
        switch message {
        case .request(let request), .notification(let request):
            return handler.handle(request, session: &session).map { frame(of: $0) }
        case .response(let response):
            // Answers to requests the core sent; the core sends none yet.
            logger.debug("ignored a response", metadata: ["id": "\(response.id.map { "\($0)" } ?? "null")"])
            return nil
        }
    }

    /// The frame of `response`; an internal error in its place when it cannot be encoded or is too large.
    private func frame(of response: RPCResponse) -> [UInt8] {
        let encoder = FrameEncoder()
        do {
            return try encoder.encode(.response(response))
        } catch {
            let fallback = RPCResponse(id: response.id, error: .internalError("cannot send the answer: \(error)"))
            return (try? encoder.encode(.response(fallback))) ?? Array("{\"error\":{\"code\":-32603,\"message\":\"internal error\"},\"id\":null,\"jsonrpc\":\"2.0\"}\n".utf8)
        }
    }
}

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
