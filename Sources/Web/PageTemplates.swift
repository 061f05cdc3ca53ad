import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The pages' templates, string tables and assets, read once at start from the built-in `Templates/`
/// folder and, over it, an office's own folder of replacements.
///
/// The layout of either folder:
/// - `pages/NAME.mustache`: a page or a partial (`{{> _head}}`), rendered with `lang`, `other_lang`,
///   `other_lang_name`, `office`, `page`, `s` (the strings, `{{s.kiosk.title}}`), `strings_json`,
///   `lang_switch_url` (this page in the other language) and `default_lang` (the office's first language).
/// - `pages/strings/LANG/FILE.json`: a flat object of texts, reached as `s.FILE.KEY`; an office's file
///   replaces single keys, not the whole file.
/// - `pages/static/FILE`: stylesheets, scripts, images and sounds, served at `/static/FILE`.
public struct PageTemplates: Sendable {
    /// An asset served at `/static/NAME`.
    struct Asset: Sendable {
        let contentType: String
        let bytes: [UInt8]
    }

    /// Texts by file and key, for one language.
    typealias StringTable = [String: [String: String]]

    let library: MustacheLibrary
    let strings: [PageLanguage: StringTable]
    let stringsJSON: [PageLanguage: String]
    let assets: [String: Asset]
    /// The language a visitor sees before choosing one.
    public let defaultLanguage: PageLanguage

    /// Names a page, partial, string file or asset may have.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    static let contentTypes: [String: String] = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "json": "application/json; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon", "webp": "image/webp", "jpg": "image/jpeg",
        "wav": "audio/wav", "ogg": "audio/ogg", "mp3": "audio/mpeg", "woff2": "font/woff2", "txt": "text/plain; charset=utf-8",
    ]

    /// Reads the built-in folder, then the office's folder over it.
    ///
    /// - Parameters:
    ///   - builtIn: the built-in `Templates` folder (the one with `pages/` in it).
    ///   - site: the office's folder of replacements, same layout; `nil` for none.
    ///   - defaultLanguage: the language shown before a visitor chooses.
    /// - Throws: ``PageTemplateError`` naming the file and what is wrong with it.
    public init(builtIn: String, site: String? = nil, defaultLanguage: PageLanguage = .vi) throws {
        let fm = FileManager.default
        let roots = [builtIn] + (site.map { [$0] } ?? [])
        guard fm.fileExists(atPath: builtIn + "/pages") else {
            throw PageTemplateError(file: builtIn + "/pages", reason: "không có thư mục mẫu trang (the built-in page templates are missing)")
        }
        if let site, !fm.fileExists(atPath: site) {
            throw PageTemplateError(file: site, reason: "pages.templates: thư mục không tồn tại (no such folder)")
        }

        var library = MustacheLibrary()
        var strings: [PageLanguage: StringTable] = [:]
        var assets: [String: Asset] = [:]
        for root in roots {
            let pages = root + "/pages"
            for name in Self.files(in: pages) where name.hasSuffix(".mustache") {
                let path = pages + "/" + name
                let text = try Self.text(at: path)
                do {
                    try library.register(text, named: String(name.dropLast(".mustache".count)))
                } catch {
                    throw PageTemplateError(file: path, reason: "mẫu Mustache không hợp lệ (invalid Mustache): \(error)")
                }
            }
            for language in PageLanguage.allCases {
                let folder = pages + "/strings/" + language.rawValue
                for name in Self.files(in: folder) where name.hasSuffix(".json") {
                    let path = folder + "/" + name
                    let table = try Self.table(at: path)
                    strings[language, default: [:]][String(name.dropLast(".json".count)), default: [:]].merge(table) { _, new in new }
                }
            }
            let staticFolder = pages + "/static"
            for name in Self.files(in: staticFolder) {
                let path = staticFolder + "/" + name
                guard Self.isSafeName(name), let type = Self.contentTypes[(name as NSString).pathExtension.lowercased()] else {
                    throw PageTemplateError(file: path, reason: "tên hoặc loại tệp không được phục vụ (served types: \(Self.contentTypes.keys.sorted().joined(separator: ", ")))")
                }
                guard let data = fm.contents(atPath: path) else {
                    throw PageTemplateError(file: path, reason: "không đọc được tệp (cannot read)")
                }
                assets[name] = Asset(contentType: type, bytes: [UInt8](data))
            }
        }
        for language in PageLanguage.allCases where strings[language] == nil {
            throw PageTemplateError(file: builtIn + "/pages/strings/" + language.rawValue, reason: "thiếu bảng chữ cho ngôn ngữ này (no strings for this language)")
        }
        var json: [PageLanguage: String] = [:]
        for (language, table) in strings {
            let data = try JSONSerialization.data(withJSONObject: table, options: [.sortedKeys])
            // Safe inside <script type="application/json">: no "</script>" or "<!--" can appear.
            json[language] = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
        }
        self.library = library
        self.strings = strings
        self.stringsJSON = json
        self.assets = assets
        self.defaultLanguage = defaultLanguage
    }

    /// Whether a page (not a partial) of that name exists.
    func hasPage(_ name: String) -> Bool {
        !name.hasPrefix("_") && library.getTemplate(named: name) != nil
    }

    /// Renders page `name` in `language`, with extra values for its template.
    func render(_ name: String, language: PageLanguage, office: String, values: [String: String] = [:]) -> String? {
        var context: [String: Any] = [
            "lang": language.rawValue,
            "other_lang": language.other.rawValue,
            "other_lang_name": language.other.nativeName,
            "office": office,
            "page": name,
            "s": strings[language] ?? [:],
            "strings_json": stringsJSON[language] ?? "{}",
        ]
        for (key, value) in values { context[key] = value }
        return library.render(context, withTemplate: name)
    }

    private static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    private static func text(at path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PageTemplateError(file: path, reason: "không đọc được tệp (cannot read)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PageTemplateError(file: path, reason: "không phải UTF-8 (not UTF-8)")
        }
        return text.precomposedStringWithCanonicalMapping
    }

    private static func table(at path: String) throws -> [String: String] {
        let text = try text(at: path)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw PageTemplateError(file: path, reason: "JSON không hợp lệ (invalid JSON): \(error.localizedDescription)")
        }
        guard let table = object as? [String: Any] else {
            throw PageTemplateError(file: path, reason: "phải là một đối tượng {\"khóa\": \"chữ\"} (must be an object of texts)")
        }
        var result: [String: String] = [:]
        for (key, value) in table {
            guard let text = value as? String else {
                throw PageTemplateError(file: path, reason: "khóa \"\(key)\" phải là chuỗi chữ (key \"\(key)\" must be a string)")
            }
            result[key] = text
        }
        return result
    }
}
