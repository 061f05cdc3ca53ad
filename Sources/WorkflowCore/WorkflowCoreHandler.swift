import Foundation
import QueueCore
import Workflow
import WorkflowProtocol

/// The reference workflow core's answers: one ``RPCRequest`` in, one ``RPCResponse`` out (none for a
/// notification), over a ``WorkflowStore``. It owns no connection: the server keeps one ``WorkflowSession``
/// per connection and passes it in, and sends the notices an answer carries (``WorkflowCoreAnswer``).
public struct WorkflowCoreHandler: Sendable {
    /// Where events and dossiers live.
    public let store: WorkflowStore
    /// The working calendar appointments are computed over.
    public let calendar: WorkingCalendar
    /// The agency code of generated dossier codes (`000.00.19.H47`).
    public let agency: String
    /// The receiving unit of a dossier received without one.
    public let defaultUnit: String?
    /// The current time.
    public let clock: @Sendable () -> Date

    /// The unit a lookup shows for a dossier without one when there is no ``defaultUnit``.
    public static let fallbackUnit = "Bộ phận Một cửa"
    /// How far back `dossier.receive` accepts a `received_at`: the seed's manual mode (Đ8–9) enters dossiers
    /// received by hand within one week.
    public static let backfillWindow: TimeInterval = 7 * 86_400
    /// How far ahead of the core's clock a `received_at` may be (clocks drift).
    public static let clockTolerance: TimeInterval = 60

    /// A handler over `store`, computing appointments with `calendar` and generating codes for `agency`.
    public init(
        store: WorkflowStore, calendar: WorkingCalendar, agency: String, defaultUnit: String? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.calendar = calendar
        self.agency = agency
        self.defaultUnit = defaultUnit
        self.clock = clock
    }

    /// Answers `request` on the connection whose state is `session`; nil for a notification (which is still
    /// carried out). A method the core does not serve is `-32601`. The notices the request set off are
    /// dropped: use ``respond(to:session:)`` to send them.
    public func handle(_ request: RPCRequest, session: inout WorkflowSession) -> RPCResponse? {
        respond(to: request, session: &session).response
    }

    /// Answers `request` on the connection whose state is `session`, with the `display.notice`s it set off
    /// (a dossier reaching status 9: stored with the transition for every daemon the core knows, to send at
    /// once to every greeted daemon), and the daemon it greeted (`session.hello`). A notification gets no
    /// response but is still carried out, notices included.
    public func respond(to request: RPCRequest, session: inout WorkflowSession) -> WorkflowCoreAnswer {
        var notices: [WorkflowNotice] = []
        var documents: [PrintDocumentParams] = []
        let outcome: Result<JSONValue, RPCError>
        do {
            outcome = .success(try answer(request, session: &session, notices: &notices, documents: &documents))
        } catch {
            outcome = .failure(error)
        }
        var greeted: String?
        if case .success = outcome, request.method == WorkflowMethod.sessionHello.rawValue {
            greeted = session.daemonID
        }
        if case .failure = outcome { documents = [] }
        return WorkflowCoreAnswer(
            response: request.id.map { RPCResponse(id: $0, result: outcome) }, notices: notices, greetedDaemon: greeted,
            documents: documents
        )
    }

    private func answer(
        _ request: RPCRequest, session: inout WorkflowSession, notices: inout [WorkflowNotice],
        documents: inout [PrintDocumentParams]
    ) throws(RPCError) -> JSONValue {
        let method = try request.workflowMethod()
        switch method {
        case .sessionHello:
            let params = try request.decodeParams(SessionHelloParams.self)
            guard params.protocolVersion == ProtocolVersion.current else {
                throw .protocolMismatch(offered: params.protocolVersion)
            }
            // Known from now on: the notices made from now on wait for this daemon while it is away.
            let acked = try storage { try store.greet(daemonID: params.daemonID, site: params.site) }
            session.daemonID = params.daemonID
            session.site = params.site
            return try encode(SessionHelloResult(ackedSeq: acked))
        case .eventsPublish:
            guard let daemonID = session.daemonID, let site = session.site else {
                throw .invalidRequest("session.hello must come first on a connection")
            }
            let params = try request.decodeParams(EventsPublishParams.self)
            for (index, event) in params.events.enumerated() {
                guard event.seq >= 1 else {
                    throw .invalidParams("\"events[\(index)].seq\": \(event.seq) is not at least 1", field: "events[\(index)].seq")
                }
                guard UUID(uuidString: event.id) != nil else {
                    throw .invalidParams("\"events[\(index)].id\": \(event.id) is not a UUID", field: "events[\(index)].id")
                }
            }
            let acked = try storage { try store.publish(daemonID: daemonID, site: site, events: params.events) }
            return try encode(EventsPublishResult(ackedSeq: acked))
        case .eventsStats:
            let params = try request.decodeParams(EventsStatsParams.self)
            return try encode(try storage { try store.stats(daemonID: params.daemonID) })
        case .dossierReceive:
            let params = try request.decodeParams(DossierReceiveParams.self)
            let receivedAt = try receiptTime(params.receivedAt, now: clock())
            let dossier = try storage {
                try store.create(code: params.code, agency: agency, at: receivedAt) { code in
                    try Dossier.receive(
                        code: code, procedure: params.procedure, applicant: params.applicant, unit: params.unit ?? defaultUnit,
                        processingDays: params.processingDays, at: receivedAt, calendar: calendar
                    )
                }
            }
            let encoded = try encode(dossier: dossier)
            if params.printReceipt == true, case .object(let data) = encoded {
                documents.append(PrintDocumentParams(template: "receipt", data: data))
            }
            return encoded
        case .dossierTransition:
            let params = try request.decodeParams(DossierTransitionParams.self)
            guard let status = DossierStatus(rawValue: params.statusCode) else {
                throw .invalidParams("\"status_code\": \(params.statusCode) is not a national status code", field: "status_code")
            }
            let now = clock()
            let (dossier, notice) = try storage {
                try store.update(code: params.code, at: now) { dossier -> DisplayNoticeParams? in
                    let previous = dossier.status
                    try dossier.transition(to: status, at: now, note: params.note, calendar: calendar)
                    guard dossier.status == .finished, previous != .finished else { return nil }
                    return DisplayNoticeParams(kind: .dossierReady, code: dossier.code, applicantMasked: dossier.applicantMasked)
                }
            }
            if let notice { notices.append(notice) }
            return try encode(dossier: dossier)
        case .dossierGet:
            let params = try request.decodeParams(DossierGetParams.self)
            guard let dossier = try storage({ try store.dossier(code: params.code) }) else {
                throw Self.rpcError(WorkflowStoreError.dossierNotFound(code: params.code))
            }
            return try encode(dossier: dossier)
        case .dossierLookup:
            let params = try request.decodeParams(DossierLookupParams.self)
            guard DossierCode(params.code) != nil else {
                throw .invalidParams(DossierError.badCode(params.code).message, field: "code")
            }
            guard let dossier = try storage({ try store.dossier(code: params.code) }) else {
                throw Self.rpcError(WorkflowStoreError.dossierNotFound(code: params.code))
            }
            let view = dossier.publicView(calendar: calendar, at: clock())
            return try encode(DossierLookupResult(view, unit: defaultUnit ?? Self.fallbackUnit))
        case .ping:
            return .object([:])
        case .printDocument, .displayNotice:
            throw .methodNotFound(request.method)
        }
    }

    /// The instant a dossier is received at: now, or the `received_at` of a dossier received by hand, which
    /// must be at most ``clockTolerance`` ahead of `now` and at most ``backfillWindow`` before it.
    private func receiptTime(_ text: String?, now: Date) throws(RPCError) -> Date {
        guard let text else { return now }
        guard let instant = WorkflowJSON.date(text) else {
            throw .invalidParams("\"received_at\": \(text) is not an RFC 3339 time", field: "received_at")
        }
        if instant > now.addingTimeInterval(Self.clockTolerance) {
            throw .invalidParams(
                "\"received_at\": \(text) là thời điểm trong tương lai (is in the future; now is \(WorkflowJSON.timestamp(now)))",
                field: "received_at"
            )
        }
        if instant < now.addingTimeInterval(-Self.backfillWindow) {
            throw .invalidParams(
                "\"received_at\": \(text) đã quá 7 ngày: hồ sơ nhận tay phải được nhập trong vòng một tuần "
                    + "(is more than 7 days before \(WorkflowJSON.timestamp(now)))",
                field: "received_at"
            )
        }
        return instant
    }

    private func storage<T>(_ body: () throws -> T) throws(RPCError) -> T {
        do {
            return try body()
        } catch {
            throw Self.rpcError(error)
        }
    }

    /// The socket's error for what the store or the Workflow library threw.
    static func rpcError(_ error: any Error) -> RPCError {
        switch error {
        case let error as RPCError:
            return error
        case let error as DossierError:
            if case .illegalTransition = error {
                return RPCError(code: .illegalTransition, message: error.message, data: ["reason": .string(error.code)])
            }
            return RPCError(code: .invalidParams, message: error.message, data: ["reason": .string(error.code)])
        case let error as WorkflowStoreError:
            switch error {
            case .dossierNotFound:
                return RPCError(code: .notFound, message: error.message, data: ["reason": .string(error.code)])
            case .dossierExists, .seqConflict:
                return RPCError(code: .invalidParams, message: error.message, data: ["reason": .string(error.code)])
            case .corruptDossier, .corruptNotice:
                return .internalError(error.message)
            }
        default:
            return .unavailable("Storage failed: \(error)")
        }
    }

    private func encode(_ value: some Encodable) throws(RPCError) -> JSONValue {
        do {
            return try JSONValue(encoding: value)
        } catch {
            throw .internalError("cannot encode the result: \(error)")
        }
    }

    private func encode(dossier: Dossier) throws(RPCError) -> JSONValue {
        do {
            return try WorkflowJSON.value(dossier)
        } catch {
            throw .internalError("cannot encode dossier \(dossier.code): \(error)")
        }
    }
}
