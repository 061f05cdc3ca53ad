import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// Finds who is asking: the local administrator on the control socket, otherwise the account behind a
/// `Authorization: Bearer` token or the `motcua_session` cookie. It only identifies; routes decide.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = OfficeRequestContext

    let office: Office
    /// Whether requests come over the control socket, which only the daemon's own user can open.
    let trustLocal: Bool

    static let cookieName = "motcua_session"
    static let localAdministrator = UserAccount(name: "local-admin", role: .admin, counter: nil, mustChangePassword: false)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if trustLocal {
            context.user = Self.localAdministrator
        } else if let token = Self.token(in: request) {
            context.token = token
            context.user = try office.accounts.account(forToken: token)
        }
        return try await next(request, context)
    }

    static func token(in request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return request.cookies[cookieName]?.value
    }
}
