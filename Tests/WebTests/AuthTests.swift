import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QueueCore
import QueueService
import Store
import Testing
import Web

/// Who may press a counter's buttons: bearer tokens, login sessions, one-time passwords, roles.
@Suite struct AuthTests {
    /// Every clerk endpoint of counter 1.
    static let counterActions = ["open", "pause", "close", "next", "recall", "start", "no-show", "done", "transfer"]

    @Test func withoutCredentialsEveryClerkEndpointIs401() async throws {
        let office = try await TestOffice()
        try await office.application().test(.router) { client in
            try await client.issue("\"HT\"")
            let before = try await office.fingerprint()
            for action in Self.counterActions {
                let response = try await client.send(.post, "/api/v1/counters/1/\(action)", json: "{\"service\": \"CT\"}")
                response.expectError(.unauthorized, "unauthorized")
            }
            for (method, path) in [(HTTPRequest.Method.get, "/api/v1/users"), (.post, "/api/v1/users"), (.get, "/api/v1/counters"),
                                   (.get, "/api/v1/me"), (.post, "/api/v1/logout"), (.post, "/api/v1/password")] {
                let response = try await client.send(method, path, json: "{}")
                response.expectError(.unauthorized, "unauthorized")
            }
            #expect(try await office.fingerprint() == before)
        }
    }

    @Test func bogusCredentialsAre401() async throws {
        let office = try await TestOffice()
        let real = try await office.clerkToken()
        try await office.application().test(.router) { client in
            let before = try await office.fingerprint()
            for bogus in ["mct_0000", real + "0", String(real.dropLast()), ""] {
                let bearer = try await client.send(.post, "/api/v1/counters/1/open", bearer: bogus)
                bearer.expectError(.unauthorized, "unauthorized")
                let cookie = try await client.send(.post, "/api/v1/counters/1/open", cookie: bogus)
                cookie.expectError(.unauthorized, "unauthorized")
            }
            let basic = try await client.send(.post, "/api/v1/counters/1/open", headers: [.authorization: "Basic Y2xlcmsxOnBhc3M="])
            basic.expectError(.unauthorized, "unauthorized")
            #expect(try await office.fingerprint() == before)
            // The real token does work, so the refusals above were about the credentials.
            let ok = try await client.send(.post, "/api/v1/counters/1/open", bearer: real)
            #expect(ok.status == .ok)
        }
    }

    @Test func aClerkMayNotWorkAnotherCounter() async throws {
        let office = try await TestOffice()
        let token = try await office.clerkToken(name: "clerk1", counter: 1)
        try await office.application().test(.router) { client in
            try await client.issue("\"CT\"")
            let before = try await office.fingerprint()
            for action in Self.counterActions {
                let response = try await client.send(.post, "/api/v1/counters/2/\(action)", json: "{\"service\": \"HT\"}", bearer: token)
                response.expectError(.forbidden, "forbidden")
            }
            #expect(try await office.fingerprint() == before)
            let own = try await client.send(.post, "/api/v1/counters/1/open", bearer: token)
            #expect(own.status == .ok)
            #expect(try own.object().string("state") == "open")
        }
    }

    @Test func aClerkWithoutACounterAndAnAdminMayWorkAnyCounter() async throws {
        let office = try await TestOffice()
        let floating = try await office.clerkToken(name: "floater", counter: nil)
        let admin = try await office.clerkToken(name: "boss", counter: nil, role: .admin)
        try await office.application().test(.router) { client throws in
            #expect(try await client.send(.post, "/api/v1/counters/2/open", bearer: floating).status == .ok)
            #expect(try await client.send(.post, "/api/v1/counters/3/open", bearer: admin).status == .ok)
        }
    }

    @Test func aFreshAccountMustChangeItsOneTimePasswordFirst() async throws {
        let office = try await TestOffice()
        // The control socket acts as the local administrator and creates the account.
        let oneTime = try await office.controlApplication().test(.router) { control in
            let created = try await control.send(.post, "/api/v1/users", json: "{\"name\": \"lan\", \"role\": \"clerk\", \"counter\": 1}")
            #expect(created.status == .created)
            let answer = try created.object()
            #expect(answer.string("name") == "lan")
            #expect(answer.string("role") == "clerk")
            #expect(answer.int("counter") == 1)
            return try #require(answer.string("password"))
        }
        try await office.application().test(.router) { client in
            let login = try await client.send(.post, "/api/v1/login", json: "{\"name\": \"lan\", \"password\": \"\(oneTime)\"}")
            #expect(login.status == .ok)
            let session = try #require(login.object().string("token"))
            #expect(try login.object().object("user")?["must_change_password"] as? Bool == true)

            let before = try await office.fingerprint()
            for action in Self.counterActions {
                let refused = try await client.send(.post, "/api/v1/counters/1/\(action)", json: "{}", cookie: session)
                refused.expectError(.forbidden, "password_change_required")
            }
            let users = try await client.send(.get, "/api/v1/counters", cookie: session)
            users.expectError(.forbidden, "password_change_required")
            #expect(try await office.fingerprint() == before)

            // Who am I still answers, so the page can ask for the new password.
            let me = try await client.send(.get, "/api/v1/me", cookie: session)
            #expect(me.status == .ok)
            #expect(try me.object()["must_change_password"] as? Bool == true)

            // A wrong current password or a weak new one changes nothing.
            let wrong = try await client.send(.post, "/api/v1/password", json: "{\"current\": \"nope-nope\", \"new\": \"mật-khẩu-mới-9\"}", cookie: session)
            wrong.expectError(.unauthorized, "bad_credentials")
            let weak = try await client.send(.post, "/api/v1/password", json: "{\"current\": \"\(oneTime)\", \"new\": \"short\"}", cookie: session)
            weak.expectError(.badRequest, "weak_password")

            let changed = try await client.send(.post, "/api/v1/password", json: "{\"current\": \"\(oneTime)\", \"new\": \"mật-khẩu-mới-9\"}", cookie: session)
            #expect(changed.status == .noContent)
            // Changing the password ends every session of the account, this one included.
            let stale = try await client.send(.post, "/api/v1/counters/1/open", cookie: session)
            stale.expectError(.unauthorized, "unauthorized")
            // The one-time password no longer works; the new one does, and unlocks the counter.
            let old = try await client.send(.post, "/api/v1/login", json: "{\"name\": \"lan\", \"password\": \"\(oneTime)\"}")
            old.expectError(.unauthorized, "bad_credentials")
            let again = try await client.send(.post, "/api/v1/login", json: "{\"name\": \"lan\", \"password\": \"mật-khẩu-mới-9\"}")
            #expect(again.status == .ok)
            #expect(try again.object().object("user")?["must_change_password"] as? Bool == false)
            let fresh = try #require(again.object().string("token"))
            let open = try await client.send(.post, "/api/v1/counters/1/open", cookie: fresh)
            #expect(open.status == .ok)
            #expect(try open.object().string("state") == "open")
        }
    }

    @Test func loginSetsAStrictHttpOnlySessionCookie() async throws {
        let office = try await TestOffice()
        _ = try await office.clerkToken(name: "clerk1", counter: 1)
        try await office.application().test(.router) { client in
            let login = try await client.send(.post, "/api/v1/login", json: "{\"name\": \"clerk1\", \"password\": \"mật-khẩu-mới-1\"}")
            #expect(login.status == .ok)
            let setCookie = try #require(login.headers[.setCookie])
            let attributes = setCookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let pair = try #require(attributes.first)
            #expect(pair.hasPrefix("motcua_session="))
            let value = String(pair.dropFirst("motcua_session=".count))
            #expect(value.count >= 32, "session token too short: \(value)")
            #expect(attributes.contains { $0.caseInsensitiveCompare("HttpOnly") == .orderedSame }, "\(setCookie)")
            #expect(attributes.contains { $0.caseInsensitiveCompare("SameSite=Strict") == .orderedSame }, "\(setCookie)")
            #expect(attributes.contains("Path=/"), "\(setCookie)")
            #expect(try login.object().object("user")?["name"] as? String == "clerk1")

            // The cookie alone authorises the clerk's own counter, and only that one.
            let open = try await client.send(.post, "/api/v1/counters/1/open", cookie: value)
            #expect(open.status == .ok)
            let other = try await client.send(.post, "/api/v1/counters/2/open", cookie: value)
            other.expectError(.forbidden, "forbidden")
            try await client.issue("\"HT\"")
            let next = try await client.send(.post, "/api/v1/counters/1/next", cookie: value)
            #expect(next.status == .ok)
            #expect(try next.object().string("number") == "A001")
        }
    }

    @Test func wrongPasswordOrUnknownNameIs401BadCredentials() async throws {
        let office = try await TestOffice()
        _ = try await office.clerkToken(name: "clerk1", counter: 1)
        try await office.application().test(.router) { client in
            for body in ["{\"name\": \"clerk1\", \"password\": \"sai-mật-khẩu\"}", "{\"name\": \"nobody\", \"password\": \"mật-khẩu-mới-1\"}"] {
                let response = try await client.send(.post, "/api/v1/login", json: body)
                response.expectError(.unauthorized, "bad_credentials")
                #expect(response.headers[.setCookie] == nil)
            }
            let missing = try await client.send(.post, "/api/v1/login", json: "{\"name\": \"clerk1\"}")
            missing.expectError(.badRequest, "bad_request")
        }
    }

    @Test func fiveWrongPasswordsLockTheAccountForAWhile() async throws {
        let office = try await TestOffice()
        _ = try await office.clerkToken(name: "clerk1", counter: 1)
        _ = try await office.clerkToken(name: "clerk2", counter: 2)
        try await office.application().test(.router) { client in
            for _ in 0..<5 {
                let wrong = try await client.send(.post, "/api/v1/login", json: "{\"name\": \"clerk1\", \"password\": \"đoán-mò\"}")
                wrong.expectError(.unauthorized, "bad_credentials")
            }
            // The sixth try is refused before the password is even checked, the right one included.
            let locked = try await client.send(.post, "/api/v1/login", json: "{\"name\": \"clerk1\", \"password\": \"mật-khẩu-mới-1\"}")
            locked.expectError(.tooManyRequests, "too_many_attempts")
            #expect(locked.headers[.setCookie] == nil)
            // Another account is not affected.
            let other = try await client.send(.post, "/api/v1/login", json: "{\"name\": \"clerk2\", \"password\": \"mật-khẩu-mới-1\"}")
            #expect(other.status == .ok)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        let office = try await TestOffice()
        _ = try await office.clerkToken(name: "clerk1", counter: 1)
        try await office.application().test(.router) { client in
            let login = try await client.send(.post, "/api/v1/login", json: "{\"name\": \"clerk1\", \"password\": \"mật-khẩu-mới-1\"}")
            let session = try #require(login.object().string("token"))
            #expect(try await client.send(.get, "/api/v1/me", cookie: session).status == .ok)

            let logout = try await client.send(.post, "/api/v1/logout", cookie: session)
            #expect(logout.status == .noContent)
            let expired = try #require(logout.headers[.setCookie])
            #expect(expired.hasPrefix("motcua_session=;") || expired.hasPrefix("motcua_session=\"\";"), "\(expired)")
            #expect(expired.contains("Max-Age=0"), "\(expired)")

            let after = try await client.send(.post, "/api/v1/counters/1/open", cookie: session)
            after.expectError(.unauthorized, "unauthorized")
            let me = try await client.send(.get, "/api/v1/me", cookie: session)
            me.expectError(.unauthorized, "unauthorized")
        }
    }

    @Test func usersAreForAdministratorsOnly() async throws {
        let office = try await TestOffice()
        let clerk = try await office.clerkToken(name: "clerk1", counter: 1)
        let admin = try await office.clerkToken(name: "admin1", counter: nil, role: .admin)
        try await office.application().test(.router) { client in
            let list = try await client.send(.get, "/api/v1/users", bearer: clerk)
            list.expectError(.forbidden, "forbidden")
            let add = try await client.send(.post, "/api/v1/users", json: "{\"name\": \"mallory\", \"role\": \"admin\"}", bearer: clerk)
            add.expectError(.forbidden, "forbidden")
            let token = try await client.send(.post, "/api/v1/users/clerk1/tokens", bearer: clerk)
            token.expectError(.forbidden, "forbidden")
            #expect(try office.office.accounts.users().map(\.name) == ["admin1", "clerk1"])

            let adminList = try await client.send(.get, "/api/v1/users", bearer: admin)
            #expect(adminList.status == .ok)
            let names = try adminList.array().compactMap { ($0 as? [String: Any])?["name"] as? String }
            #expect(names == ["admin1", "clerk1"])

            let created = try await client.send(.post, "/api/v1/users", json: "{\"name\": \"hoa\", \"role\": \"clerk\", \"counter\": 2}", bearer: admin)
            #expect(created.status == .created)
            #expect(try created.object().string("password")?.count == 12)
            let taken = try await client.send(.post, "/api/v1/users", json: "{\"name\": \"hoa\", \"role\": \"clerk\"}", bearer: admin)
            taken.expectError(.conflict, "name_taken")
            let badCounter = try await client.send(.post, "/api/v1/users", json: "{\"name\": \"minh\", \"role\": \"clerk\", \"counter\": 9}", bearer: admin)
            badCounter.expectError(.notFound, "unknown_counter")
            let badRole = try await client.send(.post, "/api/v1/users", json: "{\"name\": \"minh\", \"role\": \"boss\"}", bearer: admin)
            badRole.expectError(.badRequest, "bad_request")
            #expect(try office.office.accounts.users().map(\.name) == ["admin1", "clerk1", "hoa"])
        }
        // The control socket is the local administrator.
        try await office.controlApplication().test(.router) { control in
            let list = try await control.send(.get, "/api/v1/users")
            #expect(list.status == .ok)
            #expect(try list.array().count == 3)
        }
    }
}
