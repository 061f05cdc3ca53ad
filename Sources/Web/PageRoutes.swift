import Foundation
import HTTPTypes
import Hummingbird
import QueueCore
import QueueService

/// The pages: `/kiosk`, `/display`, `/counter/{n}`, `/lookup`, `/admin`, the index at `/`, and their
/// assets at `/static/{file}`. The pages hold no data of their own; their scripts read the public API
/// and, for the clerk's and the administrator's pages, the API behind a login.
struct PageRoutes {
    let office: Office
    let pages: PageTemplates

    /// What a page may load: its own scripts, styles, images and sounds, and the API. No inline script,
    /// no other origin, no framing.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "media-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// The pages a URL without parameters reaches.
    static let simplePages = ["kiosk", "display", "lookup", "admin"]

    func register(on router: Router<OfficeRequestContext>) {
        router.get("/") { request, _ in try page("index", request: request) }
        for name in Self.simplePages {
            router.get(RouterPath(name)) { request, _ in try page(name, request: request) }
        }
        router.get("counter/{n}") { request, context in
            let text = try context.parameters.require("n")
            guard let number = Int(text), number > 0, await office.engine.read({ $0.counters[number] != nil }) else {
                return try page("notfound", request: request, status: .notFound, values: ["counter": text])
            }
            return try page("counter", request: request, values: ["counter": String(number)])
        }
        router.get("static/{file}") { _, context in
            let name = try context.parameters.require("file")
            guard PageTemplates.isSafeName(name), let asset = pages.assets[name] else {
                throw APIError(.notFound, "not_found", "Không có tệp này.")
            }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .cacheControl: "no-cache", HTTPField.Name("X-Content-Type-Options")!: "nosniff"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes))
            )
        }
    }

    /// The same page in the other language, keeping the other query parameters (`?return=`, `?kiosk=`).
    static func languageSwitchURL(_ request: Request, to language: PageLanguage) -> String {
        let kept = (request.uri.query ?? "").split(separator: "&").filter { !$0.isEmpty && !$0.hasPrefix("lang=") }
        return request.uri.path + "?" + (kept + ["lang=\(language.rawValue)"]).joined(separator: "&")
    }

    /// The "no such page" page, for a browser that went to an address with no page: an
    /// address typed wrong on a kiosk or TV, `/counter` without its number. The API, assets and every
    /// client that does not ask for HTML keep the JSON error. Nil when the JSON error is the answer.
    func notFoundPage(for request: Request) -> Response? {
        guard request.method == .get || request.method == .head,
              !request.uri.path.hasPrefix("/api/"), !request.uri.path.hasPrefix("/static/"),
              Self.asksForHTML(request)
        else { return nil }
        return try? page("notfound", request: request, status: .notFound)
    }

    /// Whether the request is a browser navigating (`Accept: text/html, …`), not a script or a tool.
    static func asksForHTML(_ request: Request) -> Bool {
        request.headers[values: .accept].contains { value in
            value.split(separator: ",").contains { item in
                item.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "text/html"
            }
        }
    }

    /// Renders a page in the visitor's language; `?lang=` is remembered in a cookie.
    private func page(_ name: String, request: Request, status: HTTPResponse.Status = .ok, values: [String: String] = [:]) throws -> Response {
        let (language, fromQuery) = PageLanguage.chosen(by: request, default: pages.defaultLanguage)
        var values = values
        values["lang_switch_url"] = Self.languageSwitchURL(request, to: language.other)
        values["default_lang"] = pages.defaultLanguage.rawValue
        guard let html = pages.render(name, language: language, office: office.name, values: values) else {
            throw APIError(.notFound, "not_found", "Không có trang này.")
        }
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            .contentSecurityPolicy: Self.contentSecurityPolicy,
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ]
        if fromQuery {
            let cookie = Cookie(name: PageLanguage.cookieName, value: language.rawValue, maxAge: 365 * 86400, path: "/", sameSite: .lax)
            headers[.setCookie] = cookie.description
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
