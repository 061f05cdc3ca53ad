import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// Renders every error in the API's shape and times every request for `/metrics`. A browser that goes
/// to an address there is no route for gets the pages' "no such page" instead, when pages are served.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = OfficeRequestContext

    let office: Office
    /// The pages, for their "no such page"; nil on the control socket, which serves the API alone.
    var pages: PageRoutes? = nil

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
            if apiError.status == .notFound, let page = pages?.notFoundPage(for: request) {
                response = page
            } else {
                response = try apiError.response(from: request, context: context)
            }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        office.metrics.httpRequest(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code, seconds: seconds)
        return response
    }
}
