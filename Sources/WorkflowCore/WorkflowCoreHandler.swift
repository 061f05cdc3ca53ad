import Foundation
import QueueCore
import Workflow
import WorkflowProtocol

/// The reference workflow core's answers: one ``RPCRequest`` in, one ``RPCResponse`` out (none for a
/// notification), over a ``WorkflowStore``. It owns no connection: the server keeps one ``WorkflowSession``
/// per connection and passes it in.
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
    /// carried out). A method the core does not serve is `-32601`.
    public func handle(_ request: RPCRequest, session: inout WorkflowSession) -> RPCResponse? {
        let outcome: Result<JSONValue, RPCError>
        do {
            outcome = .success(try answer(request, session: &session))
        } catch {
            outcome = .failure(error)
        }
        guard let id = request.id else { return nil }
        return RPCResponse(id: id, result: outcome)
    }

    private func answer(_ request: RPCRequest, session: inout WorkflowSession) throws(RPCError) -> JSONValue {
        let method = try request.workflowMethod()
        switch method {
        case .sessionHello:
            let params = try request.decodeParams(SessionHelloParams.self)
            guard params.protocolVersion == ProtocolVersion.current else {
                throw .protocolMismatch(offered: params.protocolVersion)
            }
            let acked = try storage { try store.ackedSeq(daemonID: params.daemonID) }
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
            let now = clock()
            let dossier = try storage {
                try store.create(code: params.code, agency: agency, at: now) { code in
                    try Dossier.receive(
                        code: code, procedure: params.procedure, applicant: params.applicant, unit: params.unit ?? defaultUnit,
                        processingDays: params.processingDays, at: now, calendar: calendar
                    )
                }
            }
            return try encode(dossier: dossier)
        case .dossierTransition:
            let params = try request.decodeParams(DossierTransitionParams.self)
            guard let status = DossierStatus(rawValue: params.statusCode) else {
                throw .invalidParams("\"status_code\": \(params.statusCode) is not a national status code", field: "status_code")
            }
            let now = clock()
            let dossier = try storage {
                try store.update(code: params.code) { dossier in
                    try dossier.transition(to: status, at: now, note: params.note, calendar: calendar)
                }
            }
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
            do {
                return try WorkflowJSON.value(dossier.publicView(calendar: calendar, at: clock()))
            } catch {
                throw .internalError("cannot encode the public view of \(params.code): \(error)")
            }
        case .ping:
            return .object([:])
        case .printDocument, .displayNotice:
            throw .methodNotFound(request.method)
        }
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
            case .corruptDossier:
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
