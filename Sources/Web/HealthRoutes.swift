import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// Liveness, readiness, metrics, and the OpenAPI document.
struct HealthRoutes {
    let office: Office

    struct Readiness: Encodable {
        let status: String
        let site: String
        let day: String
        let phase: DayPhase
    }

    func register(on router: Router<OfficeRequestContext>) {
        router.get("healthz") { _, context in
            try JSONResponse.make(["status": "ok"], context: context)
        }
        router.get("readyz") { _, context in
            let readiness = await office.engine.read { state in
                Readiness(status: "ready", site: state.settings.site, day: state.status.day.description, phase: state.status.phase)
            }
            return try JSONResponse.make(readiness, context: context)
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: office.metrics.render())))
        }
        router.get("api/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.json())))
        }
    }
}
