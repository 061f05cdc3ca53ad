import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QueueCore
import Testing
import Web

/// The pages as the daemon serves them from the repository's `Templates/`: every page renders in both
/// languages, every text a template or script asks for exists in both, an office's own folder replaces
/// files and single texts, and a broken file is refused with its name.
@Suite struct PageTests {
    /// The repository's `Templates/` folder.
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path

    static let pages = ["/", "/kiosk", "/display", "/lookup", "/admin", "/counter/1"]

    func application(_ office: TestOffice, pages: PageTemplates) -> some ApplicationProtocol {
        Application(router: WebRouter.make(office: office.office, trustLocal: false, pages: pages))
    }

    @Test(arguments: pages)
    func pageRendersInBothLanguages(path: String) async throws {
        let office = try await TestOffice()
        let pages = try PageTemplates(builtIn: Self.templates)
        try await application(office, pages: pages).test(.router) { client in
            for language in ["vi", "en"] {
                let response = try await client.execute(uri: path + "?lang=" + language, method: .get)
                #expect(response.status == .ok, "\(path) in \(language)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"\(language)\">"), "\(path): no lang=\(language)")
                #expect(html.contains("Văn phòng thử"), "\(path): the office's name is missing")
                // A missing text renders empty in Mustache: the page would show a hole.
                #expect(!html.contains("{{"), "\(path): an unrendered tag")
                // No inline script (the CSP would block it): scripts come from /static only.
                let inline = html.components(separatedBy: "<script").dropFirst().filter { !$0.hasPrefix(" src=") && !$0.hasPrefix(" id=\"motcua-strings\" type=\"application/json\"") }
                #expect(inline.isEmpty, "\(path): inline script \(inline.map { String($0.prefix(60)) })")
                #expect(html == html.precomposedStringWithCanonicalMapping, "\(path): text not in NFC")
            }
        }
    }

    @Test func languageChoiceIsRememberedInACookie() async throws {
        let office = try await TestOffice()
        let pages = try PageTemplates(builtIn: Self.templates)
        try await application(office, pages: pages).test(.router) { client in
            let chosen = try await client.execute(uri: "/kiosk?lang=en", method: .get)
            let cookie = try #require(chosen.headers[.setCookie])
            #expect(cookie.hasPrefix("motcua_lang=en"))
            let later = try await client.execute(uri: "/kiosk", method: .get, headers: [.cookie: "motcua_lang=en"])
            #expect(String(buffer: later.body).contains("<html lang=\"en\">"))
            let plain = try await client.execute(uri: "/kiosk", method: .get)
            #expect(String(buffer: plain.body).contains("<html lang=\"vi\">"), "Vietnamese first")
            #expect(plain.headers[.setCookie] == nil)
            let unknown = try await client.execute(uri: "/kiosk?lang=fr", method: .get)
            #expect(String(buffer: unknown.body).contains("<html lang=\"vi\">"))
        }
    }

    @Test func unknownCounterAndAssetsAreNotFound() async throws {
        let office = try await TestOffice()
        let pages = try PageTemplates(builtIn: Self.templates)
        try await application(office, pages: pages).test(.router) { client in
            let counter = try await client.execute(uri: "/counter/9", method: .get)
            #expect(counter.status == .notFound)
            #expect(String(buffer: counter.body).contains("Không có trang này"))
            for uri in ["/counter/abc", "/counter/0", "/counter/-1"] {
                #expect(try await client.execute(uri: uri, method: .get).status == .notFound, "\(uri)")
            }
            for uri in ["/static/..%2FPackage.swift", "/static/.hidden", "/static/nothing.js", "/static/common.js%00.png"] {
                #expect(try await client.execute(uri: uri, method: .get).status == .notFound, "\(uri)")
            }
            let script = try await client.execute(uri: "/static/common.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
        }
    }

    /// A browser sent to an address with no page (`/counter` without its number, a typo on a kiosk) sees
    /// the page "no such page" with a way home, in its language; the API and tools keep the JSON error.
    @Test func anAddressWithNoPageShowsBrowsersThePageAndToolsTheJSONError() async throws {
        let office = try await TestOffice()
        let pages = try PageTemplates(builtIn: Self.templates)
        let browser: HTTPFields = [.accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]
        try await application(office, pages: pages).test(.router) { client in
            for uri in ["/counter", "/quay/1", "/kiosk/extra", "/display.html"] {
                let page = try await client.execute(uri: uri, method: .get, headers: browser)
                #expect(page.status == .notFound, "\(uri)")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                let html = String(buffer: page.body)
                #expect(html.contains("<h1>Không có trang này</h1>"), "\(uri): \(html.prefix(300))")
                #expect(html.contains("<a href=\"/\">"), "\(uri): no way home")
            }
            let english = try await client.execute(uri: "/counter?lang=en", method: .get, headers: browser)
            #expect(String(buffer: english.body).contains("<h1>No such page</h1>"))

            // What is not a browser navigating keeps the API's error: curl, scripts, the API, assets.
            for (uri, headers) in [
                ("/counter", HTTPFields()), ("/counter", [.accept: "*/*"]), ("/counter", [.accept: "application/json"]),
                ("/api/v1/nothing", browser), ("/static/nothing.js", browser),
            ] as [(String, HTTPFields)] {
                let answer = try await client.execute(uri: uri, method: .get, headers: headers)
                #expect(answer.status == .notFound, "\(uri)")
                #expect(answer.headers[.contentType] == "application/json; charset=utf-8", "\(uri) \(headers)")
                #expect(String(buffer: answer.body).contains("\"code\":\"not_found\""), "\(uri)")
            }
            // Another method on a page's address is not a navigation either.
            let posted = try await client.execute(uri: "/counter", method: .post, headers: browser)
            #expect(posted.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    /// Both languages have the same texts, and every text a template (`{{s.file.key}}`) or a script
    /// (`MC.t("file.key")`) asks for exists.
    @Test func everyTextExistsInBothLanguages() throws {
        let root = Self.templates + "/pages"
        let fm = FileManager.default
        func table(_ language: String) throws -> [String: [String: String]] {
            var result: [String: [String: String]] = [:]
            for name in try fm.contentsOfDirectory(atPath: "\(root)/strings/\(language)") where name.hasSuffix(".json") {
                let data = try #require(fm.contents(atPath: "\(root)/strings/\(language)/\(name)"))
                result[String(name.dropLast(5))] = try JSONDecoder().decode([String: String].self, from: data)
            }
            return result
        }
        let vi = try table("vi")
        let en = try table("en")
        #expect(Set(vi.keys) == Set(en.keys), "string files differ: \(Set(vi.keys).symmetricDifference(en.keys))")
        for (file, texts) in vi {
            let missing = Set(texts.keys).symmetricDifference(en[file]?.keys ?? [:].keys)
            #expect(missing.isEmpty, "\(file).json: keys in one language only: \(missing.sorted())")
            for (key, text) in texts {
                #expect(!text.isEmpty, "vi \(file).\(key) is empty")
                #expect(text == text.precomposedStringWithCanonicalMapping, "vi \(file).\(key) is not NFC")
            }
        }

        var referenced: [(String, String, String)] = []
        let templatePattern = try Regex(#"\{\{[#^/]?\s*s\.([a-z_]+)\.([a-z0-9_]+)\s*\}\}"#)
        // Whole literal keys only: `MC.t("common.ticket_" + state)` builds its key at run time.
        let scriptPattern = try Regex(#"MC\.t\(\s*"([a-z_]+)\.([a-z0-9_]+)"\s*[,)]"#)
        for name in try fm.contentsOfDirectory(atPath: root) where name.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: "\(root)/\(name)", encoding: .utf8)
            for match in text.matches(of: templatePattern) {
                referenced.append((name, String(text[match.output[1].range!]), String(text[match.output[2].range!])))
            }
        }
        for name in try fm.contentsOfDirectory(atPath: root + "/static") where name.hasSuffix(".js") {
            let text = try String(contentsOfFile: "\(root)/static/\(name)", encoding: .utf8)
            for match in text.matches(of: scriptPattern) {
                referenced.append((name, String(text[match.output[1].range!]), String(text[match.output[2].range!])))
            }
        }
        // Keys the scripts build from a state's name: every state has its words.
        var built: [(String, String, String)] = []
        built += TicketState.allCases.map { ("ticket state", "common", "ticket_" + $0.rawValue) }
        built += CounterState.allCases.map { ("counter state", "common", "counter_" + $0.rawValue) }
        built += [DayPhase.notOpened, .open, .closed].map { ("day phase", "common", "day_" + $0.rawValue) }
        built += ["open", "service_closed", "outside_hours", "quota_reached"].map { ("service status", "common", "service_" + $0) }
        referenced += built
        #expect(referenced.count > 20, "found only \(referenced.count) text references")
        for (file, table, key) in referenced {
            #expect(vi[table]?[key] != nil, "\(file) asks for \(table).\(key), missing in vi")
            #expect(en[table]?[key] != nil, "\(file) asks for \(table).\(key), missing in en")
        }
    }

    /// An office's folder replaces a whole template or asset, and single texts of a string file.
    @Test func officeFolderReplacesFilesAndTexts() async throws {
        let site = try TemporaryFolder()
        try site.write("pages/strings/vi/index.json", #"{"lead": "Mời chọn trang:"}"#)
        try site.write("pages/static/common.css", "body { background: #000; }")
        let pages = try PageTemplates(builtIn: Self.templates, site: site.path)
        let office = try await TestOffice()
        try await application(office, pages: pages).test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(html.contains("Mời chọn trang:"))
            #expect(html.contains("Lấy số thứ tự"), "the other texts of index.json stay")
            let css = String(buffer: try await client.execute(uri: "/static/common.css", method: .get).body)
            #expect(css == "body { background: #000; }")
        }
    }

    @Test func brokenFilesAreRefusedWithTheirName() throws {
        let cases: [(String, String, String)] = [
            ("pages/strings/vi/kiosk.json", #"{"title": 3}"#, "\"title\""),
            ("pages/strings/en/kiosk.json", "{not json", "JSON"),
            ("pages/kiosk.mustache", "{{#open}} never closed", "Mustache"),
            ("pages/static/tool.exe", "MZ", "served types"),
        ]
        for (file, content, reason) in cases {
            let site = try TemporaryFolder()
            try site.write(file, content)
            do {
                _ = try PageTemplates(builtIn: Self.templates, site: site.path)
                Issue.record("\(file) was accepted")
            } catch let error as PageTemplateError {
                #expect(error.file == site.path + "/" + file)
                #expect(error.reason.contains(reason), "\(error)")
            }
        }
        #expect(throws: PageTemplateError.self) { try PageTemplates(builtIn: "/nonexistent") }
        #expect(throws: PageTemplateError.self) { try PageTemplates(builtIn: Self.templates, site: "/nonexistent/site") }
    }
}

/// A folder under the temporary directory, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "motcua-pages-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ content: String) throws {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: file))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
