import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// Accounts, tokens and the office's counters, for administrators (and the control socket).
struct AdminRoutes {
    let office: Office

    struct NewUser: Encodable {
        let name: String
        let role: Role
        let counter: Int?
        /// The one-time password, shown once; the account must change it at first login.
        let password: String
    }

    struct NewToken: Encodable {
        let user: String
        let token: String
    }

    func register(on router: Router<OfficeRequestContext>) {
        router.get("api/v1/users") { _, context in
            _ = try context.requireAdmin()
            return try JSONResponse.make(try office.accounts.users(), context: context)
        }
        router.post("api/v1/users") { request, context in
            _ = try context.requireAdmin()
            let body = try await JSONBody.read(request, context: context, allowed: ["name", "role", "counter"])
            let roleText = try body.string("role", required: true)!
            guard let role = Role(rawValue: roleText) else {
                throw APIError.badRequest("Vai trò \"\(roleText)\" không có; chọn admin hoặc clerk.")
            }
            let name = try body.string("name", required: true)!
            let counter = try body.int("counter")
            let counters = await office.engine.read { Set($0.counters.keys) }
            let password = try await office.accounts.addUser(name: name, role: role, counter: counter, knownCounters: counters)
            return try JSONResponse.make(NewUser(name: name, role: role, counter: counter, password: password), status: .created, context: context)
        }
        router.post("api/v1/users/{name}/tokens") { _, context in
            _ = try context.requireAdmin()
            let name = try context.parameters.require("name")
            return try JSONResponse.make(NewToken(user: name, token: try office.accounts.createToken(user: name)), status: .created, context: context)
        }
        router.get("api/v1/devices") { _, context in
            _ = try context.requireAdmin()
            return try JSONResponse.make(await office.allDevices(), context: context)
        }
        router.get("api/v1/incidents") { request, context in
            _ = try context.requireAdmin()
            var since: Date?
            if let text = request.uri.queryParameters.get("since") {
                guard let day = BusinessDay(text) else {
                    throw APIError.badRequest("since phải là một ngày dạng YYYY-MM-DD, không phải \"\(text)\".")
                }
                since = day.date(at: TimeOfDay(hour: 0, minute: 0)!, in: OfficeCalendar.vietnam)
            }
            let incidents = try office.engine.store.incidents(since: since).map(IncidentView.init)
            return try JSONResponse.make(incidents, context: context)
        }
        router.get("api/v1/counters") { _, context in
            _ = try context.requireUser()
            return try JSONResponse.make(await office.engine.read { state in state.orderedCounters.map(state.view) }, context: context)
        }
    }
}
