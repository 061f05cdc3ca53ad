import Foundation

/// Where print templates are found: the office's own folder (`printing.templates`, laid out as
/// `LANG/NAME.txt`) first, then the built-in `Templates/printing`.
public struct PrintTemplateFolder: Sendable {
    /// The built-in folder (`…/Templates/printing`).
    public let builtIn: String?
    /// The office's folder, if any.
    public let site: String?
    /// The language templates are taken in.
    public let language: String

    /// A folder pair for `language`.
    public init(builtIn: String?, site: String?, language: String) {
        self.builtIn = builtIn
        self.site = site
        self.language = language
    }

    /// Whether `name` can name a template: lowercase letters, digits, `-` and `_`, up to 64.
    public static func isTemplateName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLowercase || first.isNumber, name.count <= 64 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The template `name` (`ticket`, `receipt`, `test`): the office's, else the built-in one.
    public func template(named name: String) throws(PrintTemplateError) -> PrintTemplate {
        guard Self.isTemplateName(name) else {
            throw PrintTemplateError(file: name, line: 0, reason: "not a template name (lowercase letters, digits, '-' and '_')")
        }
        let candidates = [site, builtIn].compactMap { $0 }.map { "\($0)/\(language)/\(name).txt" }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw PrintTemplateError(
                file: "\(language)/\(name).txt", line: 0,
                reason: "no such print template (looked in \(candidates.joined(separator: ", ")))"
            )
        }
        return try PrintTemplate(contentsOf: path)
    }
}
