import Foundation
import Mustache
import Raster

/// A ticket or slip layout from `Templates/printing/`, which a site can edit without code.
///
/// The file is Mustache (`{{office}}`, `{{#priority}}…{{/priority}}`); what it renders to is read line by
/// line. A line that starts with `@` is a directive, any other non-empty line is a paragraph of text,
/// and empty lines are dropped (so a section that renders nothing leaves no gap):
///
/// | directive | does |
/// |---|---|
/// | `@left` `@center` `@right` | alignment of what follows |
/// | `@bold` `@bold off` | weight of what follows |
/// | `@size N` | magnification 1…8 of what follows (`@size 1` is the printer's normal font) |
/// | `@blank` | an empty line |
/// | `@rule` | a line across the paper |
/// | `@qr TEXT` | a QR code of TEXT (left out when TEXT is empty) |
/// | `@feed N` | feed N lines (1…255) |
/// | `@cut` | feed to the cutter and cut |
///
/// Values are inserted as plain text on one line: a newline in a value becomes a space, and a value can
/// never become a directive. Every text is NFC.
public struct PrintTemplate: Sendable {
    /// Where the template came from, for error messages.
    public let file: String
    private let template: MustacheTemplate

    /// Compiles `source`; a template that does not compile, or whose directives are wrong when rendered
    /// with `sample`, is refused with the line and the reason.
    public init(source: String, file: String, sample: [String: Any] = [:]) throws(PrintTemplateError) {
        Self.registerContentType
        self.file = file
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(Self.contentTypeName)}}" + source)
        } catch {
            throw PrintTemplateError(file: file, line: 0, reason: "not a valid Mustache template: \(error)")
        }
        try Self.checkDirectives(source, file: file)
        _ = try render(sample)
    }

    /// Reads and compiles the template file at `path`.
    public init(contentsOf path: String, sample: [String: Any] = [:]) throws(PrintTemplateError) {
        let source: String
        do {
            source = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PrintTemplateError(file: path, line: 0, reason: "cannot be read as UTF-8 text: \(error.localizedDescription)")
        }
        try self.init(source: source, file: path, sample: sample)
    }

    /// The document for `values` (strings, numbers, booleans, nested dictionaries and arrays, as Mustache
    /// takes them). A directive made wrong by a value (`@size {{big}}` with `big` = 12) is refused.
    public func render(_ values: [String: Any]) throws(PrintTemplateError) -> PrintDocument {
        var style = PrintStyle.plain
        var blocks: [PrintBlock] = []
        for line in template.render(values).split(separator: "\n", omittingEmptySubsequences: false) {
            do {
                try Self.read(String(line), style: &style, into: &blocks)
            } catch {
                throw PrintTemplateError(file: file, line: 0, reason: "\(error.reason) (in the rendered line \"\(line)\")")
            }
        }
        return PrintDocument(blocks: blocks)
    }

    /// Checks the directives written in the file itself (lines without `{{`), with their line numbers.
    private static func checkDirectives(_ source: String, file: String) throws(PrintTemplateError) {
        var style = PrintStyle.plain
        var blocks: [PrintBlock] = []
        // Comments may span lines and mention directives: blanked, keeping the line numbers.
        var uncommented = source
        while let open = uncommented.range(of: "{{!"), let close = uncommented.range(of: "}}", range: open.upperBound..<uncommented.endIndex) {
            let newlines = uncommented[open.lowerBound..<close.upperBound].filter { $0 == "\n" }.count
            uncommented.replaceSubrange(open.lowerBound..<close.upperBound, with: String(repeating: "\n", count: newlines))
        }
        for (index, line) in uncommented.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.contains("{{") {
            do {
                try read(String(line), style: &style, into: &blocks)
            } catch {
                throw PrintTemplateError(file: file, line: index + 1, reason: error.reason)
            }
        }
    }

    /// Reads one rendered line: a directive changes `style` or adds a block, text adds a paragraph.
    private static func read(
        _ rawLine: String, style: inout PrintStyle, into blocks: inout [PrintBlock]
    ) throws(DirectiveError) {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { return }
        guard line.hasPrefix("@") else {
            blocks.append(.text(restored(line), style))
            return
        }
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1)
        let name = parts.first.map(String.init) ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        func noArgument() throws(DirectiveError) {
            guard argument.isEmpty else { throw DirectiveError(reason: "@\(name) takes no argument, got \"\(argument)\"") }
        }
        switch name {
        case "left": try noArgument(); style.alignment = .left
        case "center": try noArgument(); style.alignment = .center
        case "right": try noArgument(); style.alignment = .right
        case "bold":
            switch argument {
            case "", "on": style.bold = true
            case "off": style.bold = false
            default: throw DirectiveError(reason: "@bold takes nothing, \"on\" or \"off\", got \"\(argument)\"")
            }
        case "size":
            guard let size = Int(argument), (1...8).contains(size) else {
                throw DirectiveError(reason: "@size needs a whole number from 1 to 8, got \"\(argument)\"")
            }
            style.size = size
        case "blank": try noArgument(); blocks.append(.blank(style))
        case "rule": try noArgument(); blocks.append(.rule)
        case "cut": try noArgument(); blocks.append(.cut)
        case "feed":
            guard let lines = Int(argument), (1...255).contains(lines) else {
                throw DirectiveError(reason: "@feed needs a number of lines from 1 to 255, got \"\(argument)\"")
            }
            blocks.append(.feed(lines))
        case "qr":
            if !argument.isEmpty { blocks.append(.qrCode(restored(argument), style)) }
        default:
            throw DirectiveError(
                reason: "unknown directive @\(name) (known: @left @center @right @bold @size @blank @rule @qr @feed @cut)"
            )
        }
    }

    private static func restored(_ text: some StringProtocol) -> String {
        String(text.map { $0 == PrintTextContentType.hiddenAt ? "@" : $0 }).precomposedStringWithCanonicalMapping
    }

    private static let contentTypeName = "MOTCUA_PRINT_TEXT"
    private static let registerContentType: Void = {
        MustacheContentTypes.register(PrintTextContentType(), named: contentTypeName)
    }()
}
