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
/// The core also sends requests of its own: when an answer carries notices (a dossier reached status 9,
/// the notice stored with the transition for every daemon the core knows), a `display.notice` request goes
/// at once to every connection whose daemon said `session.hello`, with the id `"n-<notice id>"`. A daemon
/// away then gets it when it next says hello: after the answer to every hello, the core sends that daemon
/// every notice still waiting for it (``WorkflowStore/undeliveredNotices(daemonID:now:)``: at most 24 hours
/// old), in creation order. A notice is delivered once its daemon answers it with a result; an error answer
/// is logged at notice, and the notice goes out again on the daemon's next hello (not before, so a daemon
/// that keeps refusing does not set off a loop).
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
                    // The deinit-closing form on purpose: a connection accepted just as the server stops is
                    // dropped before the accept loop sees it (swift-nio issue 2637), and the other form traps
                    // on that ("Deinited NIOAsyncWriter without calling finish()"); this one closes it.
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(synchronouslyWrapping: channel)
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
                                    // Accepted as the server shuts down: close it through the async channel, which
                                    // must always be finished (NIO traps on one dropped unfinished).
                                    try? await connection.executeThenClose { _, _ in }
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
                            let reply = answer(event, session: &session, connection: id, greeted: greeted, logger: log)
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
                            for document in reply.documents {
                                send(document, to: greeted, logger: log)
                            }
                            if let daemonID = reply.greetedDaemon {
                                try await sendWaitingNotices(to: daemonID, on: id, greeted: greeted, outbound: outbound, logger: log)
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

    /// Writes on `connection` (just greeted as `daemonID`, its hello answered) the notices waiting for that
    /// daemon, oldest first, but for those already sent on it.
    private func sendWaitingNotices(
        to daemonID: String, on connection: ObjectIdentifier, greeted: GreetedConnections,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, logger: Logger
    ) async throws {
        let waiting: [WorkflowNotice]
        do {
            waiting = try handler.store.undeliveredNotices(daemonID: daemonID, now: handler.clock())
        } catch {
            logger.error("cannot read the notices waiting for a daemon", metadata: ["daemon_id": "\(daemonID)", "error": "\(error)"])
            return
        }
        let encoder = FrameEncoder()
        for notice in greeted.claim(waiting, on: connection) {
            var metadata: Logger.Metadata = [
                "kind": "\(notice.params.kind.rawValue)", "code": "\(notice.params.code)", "id": "\(notice.requestID)",
                "daemon_id": "\(daemonID)", "created_at": "\(WorkflowJSON.timestamp(notice.createdAt))",
            ]
            let frame: [UInt8]
            do {
                frame = try encoder.encodeRequest(notice.params, id: notice.requestID)
            } catch {
                greeted.release(notice.id, on: connection)
                metadata["error"] = "\(error)"
                logger.error("display notice not sent: cannot encode it", metadata: metadata)
                continue
            }
            try await outbound.write(ByteBuffer(bytes: frame))
            logger.info("display notice sent after hello", metadata: metadata)
        }
    }

    /// Sends `document` as a `print.document` request to the daemon greeted most recently, and logs where
    /// it went; with no daemon connected it is not printed (and logged so).
    private func send(_ document: PrintDocumentParams, to greeted: GreetedConnections, logger: Logger) {
        let id = RPCID.string("p-" + UUID().uuidString.prefix(8).lowercased())
        var metadata: Logger.Metadata = ["template": "\(document.template)", "id": "\(id)"]
        let frame: [UInt8]
        do {
            frame = try FrameEncoder().encodeRequest(document, id: id)
        } catch {
            metadata["error"] = "\(error)"
            logger.error("print request not sent: cannot encode it", metadata: metadata)
            return
        }
        if let daemonID = greeted.postToOne(frame) {
            metadata["daemon_id"] = "\(daemonID)"
            logger.info("print request sent", metadata: metadata)
        } else {
            logger.warning("print request not sent: no daemon connected", metadata: metadata)
        }
    }

    /// Posts `notice` to every greeted daemon, and logs where it went.
    private func post(_ stored: WorkflowNotice, to greeted: GreetedConnections, logger: Logger) {
        let notice = stored.params
        let metadata: Logger.Metadata = ["kind": "\(notice.kind.rawValue)", "code": "\(notice.code)"]
        do {
            let deliveries = try greeted.post(stored)
            if deliveries.isEmpty {
                logger.info("display notice stored: no daemon connected", metadata: metadata)
            }
            for delivery in deliveries {
                var details = metadata
                details["id"] = "\(delivery.id)"
                details["daemon_id"] = "\(delivery.daemonID)"
                if delivery.posted {
                    logger.info("display notice sent", metadata: details)
                } else {
                    logger.warning("display notice not sent now: the daemon is not reading; it goes out on its next hello", metadata: details)
                }
            }
        } catch {
            logger.error("display notice not sent: cannot encode it", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }

    /// What to do about one decoded event on `connection`: the response to write back (a refusal included),
    /// the notices the request set off and the daemon it greeted. A daemon's answer to a notice is recorded.
    func answer(
        _ event: FrameEvent, session: inout WorkflowSession, connection: ObjectIdentifier, greeted: GreetedConnections,
        logger: Logger
    ) -> WorkflowCoreAnswer {
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
            acknowledge(response, session: session, connection: connection, greeted: greeted, logger: logger)
            return WorkflowCoreAnswer(response: nil)
        }
    }

    /// Takes a daemon's answer to a request the core sent on `connection` (a display notice): a result marks
    /// the notice delivered to the connection's daemon; an error leaves it waiting for the daemon's next hello.
    private func acknowledge(
        _ response: RPCResponse, session: WorkflowSession, connection: ObjectIdentifier, greeted: GreetedConnections,
        logger: Logger
    ) {
        let id = response.id.map { "\($0)" } ?? "null"
        let noticeID = response.id.flatMap(WorkflowNotice.noticeID(of:))
        if let error = response.error {
            logger.notice("a daemon refused a request of the core", metadata: [
                "id": "\(id)", "daemon_id": "\(session.daemonID ?? "-")", "error": "\(error)",
            ])
            // Not delivered: it goes out again when the daemon next says hello, not at once.
            if let noticeID { greeted.release(noticeID, on: connection) }
            return
        }
        if case .string(let text) = response.id, text.hasPrefix("p-") {
            let result = (try? response.result.get()).map { "\($0)" } ?? "-"
            logger.info("a daemon printed a document", metadata: ["id": "\(id)", "result": "\(result)"])
            return
        }
        logger.debug("a daemon answered a request of the core", metadata: ["id": "\(id)"])
        guard let noticeID, let daemonID = session.daemonID, greeted.wasSent(noticeID, on: connection) else { return }
        do {
            if try handler.store.markDelivered(noticeID: noticeID, daemonID: daemonID, at: handler.clock()) {
                logger.debug("display notice delivered", metadata: ["id": "\(id)", "daemon_id": "\(daemonID)"])
            }
        } catch {
            logger.error("cannot record a display notice delivered", metadata: [
                "id": "\(id)", "daemon_id": "\(daemonID)", "error": "\(error)",
            ])
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
