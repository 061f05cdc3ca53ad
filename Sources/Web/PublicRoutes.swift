import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store
import WorkflowLink

/// Kiosks, displays and the lookup kiosk: no login.
struct PublicRoutes {
    let office: Office

    func register(on router: Router<OfficeRequestContext>) {
        router.get("api/v1/services") { _, context in
            let now = office.engine.now()
            let list = await office.engine.read { state in state.orderedServices.map { ServiceStatusView($0, in: state, at: now) } }
            return try JSONResponse.make(list, context: context)
        }
        router.get("api/v1/priority-groups") { _, context in
            let groups = await office.engine.read { $0.settings.priorityGroups.map(PriorityGroupView.init) }
            return try JSONResponse.make(groups, context: context)
        }
        router.post("api/v1/tickets") { request, context in
            let body = try await JSONBody.read(request, context: context, allowed: ["service", "priority", "kiosk"])
            let service = try body.reference("service", required: true)!
            let outcome = try await office.engine.perform(.issue(service: service, priority: try body.string("priority"), kiosk: try body.string("kiosk")))
            let ticket = outcome.ticket!
            // The ticket is committed: a print that fails anywhere only leaves it on the kiosk's screen.
            let printed = await TicketPrintRequest(office: office).print(ticket, outcome: outcome, kiosk: try body.string("kiosk"))
            let view = IssuedTicketView(
                id: ticket.id, number: ticket.number, service: ticket.service, serviceId: ticket.serviceId,
                serviceName: ticket.serviceName, priority: ticket.priority, issuedAt: ticket.issuedAt,
                ahead: outcome.ahead ?? 0, estimatedWaitS: outcome.estimatedWait, printed: printed
            )
            return try JSONResponse.make(view, status: .created, context: context, headers: [.location: "/api/v1/tickets/\(ticket.id)"])
        }
        router.get("api/v1/tickets/{id}") { _, context in
            let id = try context.parameters.require("id")
            guard let ticket = await office.engine.read({ state in state.tickets[id].map(state.view) }) else {
                throw APIError(.notFound, "unknown_ticket", "Không có vé này trong ngày hôm nay.")
            }
            return try JSONResponse.make(ticket, context: context)
        }
        router.get("api/v1/tickets/{id}/qr.svg") { _, context in
            let id = try context.parameters.require("id")
            guard let ticket = await office.engine.read({ state in state.tickets[id].map(state.view) }) else {
                throw APIError(.notFound, "unknown_ticket", "Không có vé này trong ngày hôm nay.")
            }
            let svg = try TicketQRCode.svg(for: ticket, office: office.name)
            return Response(
                status: .ok,
                headers: [.contentType: "image/svg+xml", .cacheControl: "private, max-age=86400"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: svg))
            )
        }
        router.get("api/v1/queue") { _, context in
            try JSONResponse.make(await office.engine.read(QueueSnapshotView.init), context: context)
        }
        router.get("api/v1/dossiers/{code}") { _, context -> Response in
            let code = try context.parameters.require("code").precomposedStringWithCanonicalMapping
            guard DossierCode(code) != nil else {
                throw APIError(.badRequest, "bad_code", QueueError.badDossierCode(code).message)
            }
            let now = office.engine.now()
            if let address = context.clientAddress, let wait = office.lookupThrottle.admit(address, now: now) {
                throw APIError(.tooManyRequests, "rate_limited", "Tra cứu quá nhiều lần; xin đợi \(Int(wait.rounded(.up))) giây rồi thử lại.")
            }
            // The log keeps that a lookup happened, by code only (DOMAIN.md, "Privacy"); the answer does not wait for it.
            let engine = office.engine
            Task { _ = try? await engine.perform(.recordLookup(code: code)) }
            guard let directory = office.dossiers else {
                throw APIError(.serviceUnavailable, "workflow_unavailable", "Văn phòng này chưa kết nối hệ thống hồ sơ.")
            }
            let answer = await directory.lookup(code)
            switch answer {
            case let .current(result, at):
                return try JSONResponse.make(DossierStatusView(result: result, stale: false, asOf: at), context: context)
            case let .stale(result, asOf):
                return try JSONResponse.make(DossierStatusView(result: result, stale: true, asOf: asOf), context: context)
            case .notFound:
                throw APIError(.notFound, "not_found", "Không tìm thấy hồ sơ có mã \(code). Xin kiểm tra lại mã trên giấy tiếp nhận.")
            case .unavailable:
                throw APIError(.serviceUnavailable, "workflow_unavailable", "Hệ thống hồ sơ tạm thời chưa kết nối được; xin thử lại sau.")
            }
        }
    }
}
