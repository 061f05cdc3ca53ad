import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// Renders every error in the API's shape and times every request for `/metrics`.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = OfficeRequestContext

    let office: Office

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let apiError = APIError(from: error)
            if apiError.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            }
            response = try apiError.response(from: request, context: context)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        office.metrics.httpRequest(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code, seconds: seconds)
        return response
    }
}
