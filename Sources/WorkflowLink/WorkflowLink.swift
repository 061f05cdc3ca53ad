import Foundation
import Logging
import NIOCore
import NIOPosix
import QueueService
import ServiceLifecycle
import Store
import Synchronization
import WorkflowProtocol

/// The daemon's end of the workflow socket: a ``Service`` that keeps a connection to the workflow core,
/// delivers the outbox and answers the core's requests; and the ``DossierDirectory`` the lookup kiosk asks.
///
/// On every connection it says `session.hello`, then sends the events after the core's `acked_seq` in
/// order, in batches of `events.publish`, one batch at a time, and removes events from the outbox only
/// once the core has acknowledged them. When the connection fails, hangs or is refused it connects again
/// after a pause (``LinkBackoff``), for as long as it takes: the queue never waits for the link, the
/// outbox keeps everything meanwhile, and the backlog drains by itself when the core returns.
public final class WorkflowLink: Service, DossierDirectory {
    /// The settings.
    public let settings: WorkflowLinkSettings
    private let store: QueueStore
    private let engine: QueueEngine
    private let requests: any CoreRequestHandler
    private let logger: Logger
    /// The last lookup answer per code.
    public let cache: DossierLookupCache
    private let clock: @Sendable () -> Date
    /// The connection that has said hello, while there is one.
    private let current = Mutex<CoreConnection?>(nil)

    /// A link to the core at `settings.socketPath`, delivering `store`'s outbox and passing the core's
    /// requests to `requests`.
    public init(
        settings: WorkflowLinkSettings, store: QueueStore, engine: QueueEngine, requests: any CoreRequestHandler,
        logger: Logger, cache: DossierLookupCache = DossierLookupCache(), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.settings = settings
        self.store = store
        self.engine = engine
        self.requests = requests
        self.logger = logger
        self.cache = cache
        self.clock = clock
    }

    /// Whether the core is connected and has answered `session.hello`.
    public var isConnected: Bool { current.withLock { $0.map { !$0.isClosed } ?? false } }

    // MARK: Service

    /// Connects, delivers and reconnects until graceful shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.keepConnected()
        }
    }

    private func keepConnected() async {
        var backoff = settings.backoff
        var lastFailure = ""
        var lostAt = clock()
        while !Task.isCancelled {
            updateOldestAge()
            do {
                let helloed = try await connectAndServe()
                if helloed {
                    backoff.reset()
                    lostAt = clock()
                }
                lastFailure = ""
            } catch is CancellationError {
                break
            } catch {
                recordOutage(since: lostAt, error: error)
                // A core that stays away is logged once per kind of failure, not on every retry; the first
                // seconds are the embedded core's own start, not worth a warning.
                let text = "\(error)"
                if text != lastFailure, clock().timeIntervalSince(lostAt) >= 3 {
                    logger.warning("workflow core unreachable; events wait in the outbox", metadata: [
                        "socket": "\(settings.socketPath)", "error": "\(text)",
                    ])
                    lastFailure = text
                }
            }
            current.withLock { $0 = nil }
            engine.metrics.setWorkflowConnected(false)
            do {
                try await Task.sleep(for: backoff.next())
            } catch {
                break
            }
        }
    }

    /// One connection, from connect to its end. Returns whether the core answered `session.hello`;
    /// throws when it could not connect or the connection failed.
    private func connectAndServe() async throws -> Bool {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(unixDomainSocketPath: settings.socketPath) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let connection = Mutex<CoreConnection?>(nil)
        func greeted() -> Bool { connection.withLock { $0?.isGreeted ?? false } }
        do {
            try await channel.executeThenClose { inbound, outbound in
                let opened = CoreConnection(outbound: outbound)
                connection.withLock { $0 = opened }
                defer { opened.close() }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        defer { opened.close() } // the core is gone: fail the calls waiting for it now, not at their timeout
                        try await self.read(inbound, on: opened)
                        throw WorkflowLinkError.disconnected
                    }
                    group.addTask {
                        try await self.deliver(on: opened)
                    }
                    defer { group.cancelAll() }
                    try await group.next()
                }
            }
        } catch WorkflowLinkError.disconnected where greeted() {
            logger.notice("workflow core closed the connection")
            return true
        } catch where greeted() {
            logger.notice("connection to the workflow core lost", metadata: ["error": "\(error)"])
            return true
        }
        return greeted()
    }

    // MARK: Delivery

    private func deliver(on connection: CoreConnection) async throws {
        let doorbell = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            // New events ring the bell; a slow timer rings it too, in case a subscription was dropped.
            group.addTask {
                while !Task.isCancelled {
                    for await _ in self.engine.hub.subscribe() { doorbell.continuation.yield() }
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(2))
                    doorbell.continuation.yield()
                }
            }
            group.addTask {
                var bell = doorbell.stream.makeAsyncIterator()
                try await self.sendOutbox(on: connection, waitForEvents: { await bell.next() })
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private func sendOutbox(
        on connection: CoreConnection, waitForEvents: () async -> Void?
    ) async throws {
        let hello = SessionHelloParams(site: settings.site, daemonID: settings.daemonID)
        let helloID = connection.makeID()
        let helloFrame = try FrameEncoder().encodeRequest(hello, id: helloID)
        let helloResponse = try await connection.call(helloFrame, id: helloID, method: "session.hello", timeout: settings.answerTimeout)
        let greeting: SessionHelloResult
        do {
            greeting = try helloResponse.decodeResult(for: SessionHelloParams.self)
        } catch {
            throw WorkflowLinkError.badAnswer("session.hello: \(error)")
        }
        var acked = greeting.ackedSeq
        current.withLock { $0 = connection }
        engine.metrics.setWorkflowConnected(true)
        connection.markGreeted()
        logger.info("workflow core connected", metadata: ["socket": "\(settings.socketPath)", "acked_seq": "\(acked)"])
        endOutages()
        try await acknowledge(through: acked)
        var stalled = 0
        while true {
            try Task.checkCancellation()
            let batch = try store.eventsToDeliver(after: acked, limit: settings.batchEvents, maxBytes: settings.batchBytes)
            guard let last = batch.last else {
                guard await waitForEvents() != nil else { return }
                continue
            }
            let id = connection.makeID()
            let response = try await connection.call(
                Self.publishFrame(batch, id: id), id: id, method: "events.publish", timeout: settings.answerTimeout
            )
            let result: EventsPublishResult
            do {
                result = try response.decodeResult(for: EventsPublishParams.self)
            } catch {
                throw WorkflowLinkError.badAnswer("events.publish up to seq \(last.seq): \(error)")
            }
            acked = result.ackedSeq
            try await acknowledge(through: acked)
            if acked < last.seq {
                // The core holds fewer events than it was just sent (it refused some, or lost some): start
                // again from what it holds, after a pause so a core that keeps refusing is not flooded.
                stalled += 1
                logger.warning("workflow core acknowledged less than it was sent", metadata: [
                    "sent_through": "\(last.seq)", "acked_seq": "\(acked)",
                ])
                try await Task.sleep(for: .milliseconds(min(5_000, 100 * stalled)))
            } else {
                stalled = 0
            }
        }
    }

    /// Removes the acknowledged events from the outbox and updates the metrics.
    private func acknowledge(through seq: Int64) async throws {
        guard seq > 0 else { return }
        let delivered = try await store.markDelivered(through: seq)
        await engine.outboxDelivered(through: seq)
        engine.metrics.eventsDelivered(delivered)
        updateOldestAge()
    }

    private func updateOldestAge() {
        let oldest = try? store.oldestUndelivered()
        engine.metrics.setOutboxOldestAge(oldest.map { clock().timeIntervalSince($0.at) } ?? 0)
    }

    /// The `events.publish` request for `events`: their stored JSON, as the event log keeps it, written
    /// into the frame as is (sorted keys, the same bytes the core stores).
    static func publishFrame(_ events: [StoredEvent], id: RPCID) -> [UInt8] {
        var frame: [UInt8] = []
        frame.reserveCapacity(events.reduce(96) { $0 + $1.body.utf8.count + 1 })
        frame.append(contentsOf: "{\"id\":".utf8)
        frame.append(contentsOf: (try? WireJSON.encode(id.json)) ?? Array("null".utf8))
        frame.append(contentsOf: ",\"jsonrpc\":\"2.0\",\"method\":\"events.publish\",\"params\":{\"events\":[".utf8)
        for (index, event) in events.enumerated() {
            if index > 0 { frame.append(UInt8(ascii: ",")) }
            frame.append(contentsOf: event.body.utf8)
        }
        frame.append(contentsOf: "]}}\n".utf8)
        return frame
    }

    // MARK: Outages

    /// The incident log's device name for the workflow core.
    public static let incidentDevice = "workflow"

    /// Logs an incident once the core has been unreachable since `since` for longer than the grace.
    private func recordOutage(since: Date, error: any Error) {
        let now = clock()
        guard now.timeIntervalSince(since) >= Double(settings.outageGrace.components.seconds) else { return }
        do {
            guard try openOutages().isEmpty else { return }
            try store.record(Incident(
                kind: .software, device: Self.incidentDevice,
                cause: "Không kết nối được hệ thống hồ sơ (workflow core) tại \(settings.socketPath): \(error). "
                    + "Các sự kiện chờ trong hàng đợi gửi và sẽ tự gửi đi khi kết nối lại.",
                startedAt: since
            ))
            logger.error("workflow core unreachable for too long: recorded as an incident", metadata: ["since": "\(since)"])
        } catch {
            logger.error("cannot record the workflow outage", metadata: ["error": "\(error)"])
        }
    }

    /// Ends the open workflow incidents: the core answered.
    private func endOutages() {
        do {
            let now = clock()
            for incident in try openOutages() { try store.endIncident(id: incident.id, at: now) }
        } catch {
            logger.error("cannot end the workflow outage", metadata: ["error": "\(error)"])
        }
    }

    private func openOutages() throws -> [Incident] {
        try store.incidents().filter { $0.device == Self.incidentDevice && $0.endedAt == nil }
    }

    // MARK: Reading

    /// Reads frames until the core closes the connection: responses go to the calls waiting for them,
    /// requests are answered, anything malformed gets the protocol's error and the connection goes on.
    private func read(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>, on connection: CoreConnection) async throws {
        var decoder = FrameDecoder()
        try await withThrowingDiscardingTaskGroup { group in
            for try await buffer in inbound {
                for event in decoder.feed(buffer.readableBytesView) {
                    let message: RPCMessage
                    switch event {
                    case .frame(let bytes):
                        switch Result(catching: { () throws(RPCInvalidMessage) in try RPCMessage(frame: bytes) }) {
                        case .success(let parsed):
                            message = parsed
                        case .failure(let error):
                            logger.notice("refused a frame from the workflow core", metadata: ["problem": "\(error)"])
                            if let reply = error.reply { try await connection.write(Self.frame(of: reply)) }
                            continue
                        }
                    default:
                        guard let refusal = event.refusal else { continue }
                        logger.notice("refused a frame from the workflow core", metadata: ["problem": "\(refusal)"])
                        if let reply = refusal.reply { try await connection.write(Self.frame(of: reply)) }
                        continue
                    }
                    switch message {
                    case .response(let response):
                        if !connection.resolve(response) {
                            logger.notice("a response from the workflow core matched no request", metadata: [
                                "id": "\(response.id.map { "\($0)" } ?? "null")", "error": "\(response.error.map { "\($0)" } ?? "none")",
                            ])
                        }
                    case .request(let request), .notification(let request):
                        // Answered beside the reading, so a slow print job does not hold up acknowledgements.
                        group.addTask {
                            let response = await self.answer(request)
                            if let id = request.id {
                                try? await connection.write(Self.frame(of: RPCResponse(id: id, result: response)))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The daemon's answer to a request from the core.
    func answer(_ request: RPCRequest) async -> Result<JSONValue, RPCError> {
        do throws(RPCError) {
            switch try request.workflowMethod() {
            case .ping:
                return .success(.object([:]))
            case .displayNotice:
                let notice = try request.decodeParams(DisplayNoticeParams.self)
                try await requests.displayNotice(notice)
                return .success(.object([:]))
            case .printDocument:
                let document = try request.decodeParams(PrintDocumentParams.self)
                let job = try await requests.printDocument(document)
                do {
                    return .success(try JSONValue(encoding: job))
                } catch {
                    return .failure(.internalError("cannot encode the print job: \(error)"))
                }
            case let other:
                throw RPCError.methodNotFound(other.rawValue)
            }
        } catch {
            return .failure(error)
        }
    }

    private static func frame(of response: RPCResponse) -> [UInt8] {
        (try? FrameEncoder().encode(.response(response)))
            ?? Array("{\"error\":{\"code\":-32603,\"message\":\"internal error\"},\"id\":null,\"jsonrpc\":\"2.0\"}\n".utf8)
    }

    // MARK: Lookup

    /// Asks the core about `code`, at most ``WorkflowLinkSettings/lookupTimeout``; when it cannot answer,
    /// the last answer known for the code, marked stale.
    public func lookup(_ code: String) async -> DossierAnswer {
        guard let connection = current.withLock({ $0 }), !connection.isClosed else { return fromCache(code, why: "not connected") }
        do {
            let id = connection.makeID()
            let frame = try FrameEncoder().encodeRequest(DossierLookupParams(code: code), id: id)
            let response = try await connection.call(frame, id: id, method: "dossier.lookup", timeout: settings.lookupTimeout)
            switch response.result {
            case .success:
                let result = try response.decodeResult(for: DossierLookupParams.self)
                let now = clock()
                cache.store(result, at: now)
                return .current(result, at: now)
            case .failure(let error) where error.code == .notFound:
                cache.forget(code)
                return .notFound
            case .failure(let error):
                return fromCache(code, why: "\(error)")
            }
        } catch {
            return fromCache(code, why: "\(error)")
        }
    }

    private func fromCache(_ code: String, why: String) -> DossierAnswer {
        logger.notice("dossier lookup answered without the workflow core", metadata: ["reason": "\(why)"])
        guard let known = cache.answer(for: code) else { return .unavailable }
        return .stale(known.result, asOf: known.at)
    }
}
