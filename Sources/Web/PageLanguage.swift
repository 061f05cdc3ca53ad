import Foundation
import HTTPTypes
import Hummingbird

/// A language the pages speak: Vietnamese first, English as the second.
public enum PageLanguage: String, CaseIterable, Sendable {
    case vi
    case en

    /// The cookie that remembers a visitor's choice.
    static let cookieName = "motcua_lang"

    /// The language's own name, for the switch.
    var nativeName: String {
        switch self {
        case .vi: "Tiếng Việt"
        case .en: "English"
        }
    }

    /// The other language, the one the switch offers.
    var other: PageLanguage { self == .vi ? .en : .vi }

    /// The language a request asks for: `?lang=` first, then the cookie, then the office's default.
    static func chosen(by request: Request, default fallback: PageLanguage) -> (language: PageLanguage, fromQuery: Bool) {
        if let asked = request.uri.queryParameters.get("lang").flatMap(PageLanguage.init(rawValue:)) {
            return (asked, true)
        }
        if let remembered = request.cookies[cookieName].flatMap({ PageLanguage(rawValue: $0.value) }) {
            return (remembered, false)
        }
        return (fallback, false)
    }
}
