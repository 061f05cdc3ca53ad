import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// Login, logout, password change, who am I.
struct SessionRoutes {
    let office: Office
    let sessionLifetime: Int

    struct LoginAnswer: Encodable {
        let user: UserAccount
        let token: String
    }

    func register(on router: Router<OfficeRequestContext>) {
        router.post("api/v1/login") { request, context in
            let body = try await JSONBody.read(request, context: context, allowed: ["name", "password"])
            let (token, user) = try await office.accounts.login(name: try body.string("name", required: true)!, password: try body.string("password", required: true)!)
            let cookie = Cookie(name: AuthenticationMiddleware.cookieName, value: token, maxAge: sessionLifetime, path: "/", httpOnly: true, sameSite: .strict)
            return try JSONResponse.make(LoginAnswer(user: user, token: token), context: context, headers: [.setCookie: cookie.description])
        }
        router.post("api/v1/logout") { _, context in
            _ = try context.requireUser(allowingPasswordChange: true)
            if let token = context.token { try office.accounts.logout(token: token) }
            let expired = Cookie(name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
            return Response(status: .noContent, headers: [.setCookie: expired.description])
        }
        router.post("api/v1/password") { request, context in
            let user = try context.requireUser(allowingPasswordChange: true)
            let body = try await JSONBody.read(request, context: context, allowed: ["current", "new"])
            try await office.accounts.changePassword(name: user.name, current: try body.string("current", required: true)!, new: try body.string("new", required: true)!)
            return Response(status: .noContent)
        }
        router.get("api/v1/me") { _, context in
            try JSONResponse.make(try context.requireUser(allowingPasswordChange: true), context: context)
        }
    }
}
