import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import WorkflowCore
import WorkflowProtocol

/// The reference workflow core on a Unix stream socket: one task per connection, each with its own
/// ``WorkflowSession``, answering requests with a ``WorkflowCoreHandler``.
///
/// The core also sends requests of its own: when an answer carries notices (a dossier reached status 9), a
/// `display.notice` request goes to every connection whose daemon said `session.hello` (ids `"n-1"`,
/// `"n-2"`, … over the whole server). A daemon not connected then is not told; it sees the status when it
/// looks the dossier up. The daemons' responses are logged (debug when ok, notice for an error).
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
        let greeted = GreetedConnections()
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
                                await serve(connection, greeted: greeted)
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

    /// The most notices a daemon that does not read may have waiting; more are dropped.
    static let mailboxCapacity = 256

    /// Answers one connection until the peer closes it, it fails, or the server shuts down. Once its daemon
    /// said hello, a second task writes the notices posted to it.
    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, greeted: GreetedConnections) async {
        let id = ObjectIdentifier(connection.channel)
        var connectionLogger = logger
        connectionLogger[metadataKey: "connection"] = "\(id.hashValue)"
        let log = connectionLogger
        let (mailbox, postbox) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingOldest(Self.mailboxCapacity))
        defer {
            greeted.forget(id)
            postbox.finish()
        }
        do {
            try await connection.executeThenClose { inbound, outbound in
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask {
                        for await frame in mailbox {
                            try await outbound.write(ByteBuffer(bytes: frame))
                        }
                    }
                    var session = WorkflowSession()
                    var greetedAs: String?
                    var decoder = FrameDecoder()
                    for try await buffer in inbound {
                        for event in decoder.feed(buffer.readableBytesView) {
                            let reply = answer(event, session: &session, logger: log)
                            if let daemonID = session.daemonID, daemonID != greetedAs {
                                // Before the answer to hello goes out: a notice set off after the daemon read it reaches it.
                                greeted.greet(id, daemonID: daemonID, frames: postbox)
                                greetedAs = daemonID
                            }
                            if let response = reply.response {
                                try await outbound.write(ByteBuffer(bytes: frame(of: response)))
                            }
                            for notice in reply.notices {
                                post(notice, to: greeted, logger: log)
                            }
                        }
                    }
                    if let last = decoder.finish(), let refusal = last.refusal {
                        log.notice("connection ended inside a frame", metadata: ["problem": "\(refusal)"])
                    }
                    greeted.forget(id)
                    postbox.finish()
                }
            }
        } catch {
            log.notice("connection closed on an error", metadata: ["error": "\(error)"])
        }
    }

    /// Posts `notice` to every greeted daemon, and logs where it went.
    private func post(_ notice: DisplayNoticeParams, to greeted: GreetedConnections, logger: Logger) {
        let metadata: Logger.Metadata = ["kind": "\(notice.kind.rawValue)", "code": "\(notice.code)"]
        do {
            let deliveries = try greeted.post(notice)
            if deliveries.isEmpty {
                logger.info("display notice not sent: no daemon connected", metadata: metadata)
            }
            for delivery in deliveries {
                var details = metadata
                details["id"] = "\(delivery.id)"
                details["daemon_id"] = "\(delivery.daemonID)"
                if delivery.posted {
                    logger.info("display notice sent", metadata: details)
                } else {
                    logger.warning("display notice dropped: the daemon is not reading", metadata: details)
                }
            }
        } catch {
            logger.error("display notice not sent: cannot encode it", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }

    /// What to do about one decoded event: the response to write back (a refusal included), and the notices
    /// the request set off.
    func answer(_ event: FrameEvent, session: inout WorkflowSession, logger: Logger) -> WorkflowCoreAnswer {
        let message: RPCMessage
        switch event {
        case .frame(let bytes):
            do {
                message = try RPCMessage(frame: bytes)
            } catch {
                logger.notice("refused a frame", metadata: ["problem": "\(error)"])
                return WorkflowCoreAnswer(response: error.reply)
            }
        default:
            guard let refusal = event.refusal else { return WorkflowCoreAnswer(response: nil) }
            logger.notice("refused a frame", metadata: ["problem": "\(refusal)"])
            return WorkflowCoreAnswer(response: refusal.reply)
        }
        switch message {
        case .request(let request), .notification(let request):
            return handler.respond(to: request, session: &session)
        case .response(let response):
            // A daemon's answer to a request the core sent (a display notice).
            let id = response.id.map { "\($0)" } ?? "null"
            if let error = response.error {
                logger.notice("a daemon refused a request of the core", metadata: ["id": "\(id)", "error": "\(error)"])
            } else {
                logger.debug("a daemon answered a request of the core", metadata: ["id": "\(id)"])
            }
            return WorkflowCoreAnswer(response: nil)
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
